// Groups of given names that are the same name to the people who carry them: formal
// names with their common English diminutives. A name may sit in several groups
// ("alex" is short for Alexander and Alexandra), so lookups return group numbers.
const GROUPS: readonly string[] = [
  'abigail abbie abby abi gail',
  'abraham abe bram',
  'adrian ade',
  'albert al bert bertie',
  'alexander alex alec alexa sandy xander sasha',
  'alexandra alex alexa lexie sandra sandy sasha',
  'alfred alf alfie fred freddie',
  'andrew andy drew',
  'angela angie',
  'anthony tony ant',
  'arthur art artie',
  'barbara barb babs barbie',
  'benjamin ben benny benji',
  'bernard bernie',
  'bradley brad',
  'catherine cathy cath kate katie kath kathy cat kay',
  'katherine kathy kath kate katie kat kay kitty',
  'kathryn kathy kath kate katie',
  'caroline carol carrie caz',
  'charles charlie chas chaz chuck',
  'charlotte charlie lottie lotte',
  'christine chris chrissie tina',
  'christina chris chrissie tina',
  'christopher chris kit topher',
  'clifford cliff',
  'daniel dan danny',
  'danielle dani',
  'david dave davey',
  'deborah debbie deb debs',
  'dennis den',
  'dominic dom',
  'donald don donny',
  'dorothy dot dotty dolly',
  'douglas doug',
  'edward ed eddie ted teddy ned',
  'edmund ed eddie ned',
  'eleanor ellie elle nell nora',
  'elizabeth liz lizzie beth betty bess bessie eliza libby lisa elsie',
  'ellen ellie nell',
  'emily em emmy millie',
  'emma em emmy',
  'eugene gene',
  'frances fran frankie fanny',
  'francis frank frankie',
  'frederick fred freddie freddy',
  'gabriel gabe',
  'gabriella gabby gabi ella',
  'geoffrey geoff jeff',
  'jeffrey jeff',
  'gerald gerry jerry',
  'gillian gill jill',
  'gregory greg',
  'harold harry hal',
  'harriet hattie harry',
  'henry harry hank hal',
  'isabella bella izzy issy isabel',
  'isabel bella izzy issy',
  'jacob jake jack',
  'james jim jimmy jamie jem',
  'jane janey jenny',
  'janet jan',
  'jennifer jen jenny jenna',
  'jessica jess jessie',
  'joanne jo jojo',
  'joanna jo',
  'john jack johnny jon jonny',
  'jonathan jon jonny john nathan',
  'joseph joe joey jo',
  'josephine jo josie',
  'joshua josh',
  'judith judy jude',
  'julia jules julie',
  'kenneth ken kenny',
  'kimberley kim',
  'laurence laurie larry',
  'lawrence laurie larry',
  'leonard len lenny leo',
  'leslie les',
  'lucy lu',
  'louise lou lulu',
  'louis lou',
  'lydia liddy',
  'madeleine maddie maddy',
  'margaret maggie meg peggy marge maisie greta rita',
  'matilda tilly tilda mattie',
  'matthew matt matty',
  'maureen mo',
  'michael mike mick micky mikey',
  'michelle shelley',
  'nathan nate nat',
  'nathaniel nate nat',
  'nicholas nick nicky nico',
  'nicola nicky nikki',
  'oliver ollie olly',
  'olivia liv livvy ollie',
  'patricia pat patsy trish tricia',
  'patrick pat paddy',
  'penelope penny',
  'peter pete',
  'philip phil pip',
  'phillip phil pip',
  'rebecca becky becca bex',
  'richard rich richie rick ricky dick',
  'robert rob robbie bob bobby bert',
  'ronald ron ronnie',
  'rosemary rose rosie',
  'samantha sam sammy',
  'samuel sam sammy',
  'sarah sally sadie',
  'sophia sophie',
  'stephen steve stevie',
  'steven steve stevie',
  'stuart stu',
  'susan sue susie suzy',
  'suzanne sue suzy',
  'terence terry',
  'theodore theo ted teddy',
  'thomas tom tommy',
  'timothy tim timmy',
  'valerie val',
  'victoria vicky vicki tori',
  'vincent vince vinny',
  'walter walt wally',
  'william will bill billy willie liam',
  'zachary zach zack',
];

const GROUPS_BY_NAME: ReadonlyMap<string, readonly number[]> = (() => {
  const byName = new Map<string, number[]>();
  GROUPS.forEach((group, groupNumber) => {
    for (const name of group.split(' ')) {
      const groups = byName.get(name) ?? [];
      groups.push(groupNumber);
      byName.set(name, groups);
    }
  });
  return byName;
})();

const NONE: readonly number[] = [];

/** The nickname groups a normalised given name belongs to (empty when none). */
export function nicknameGroups(normalisedGivenName: string | null): readonly number[] {
  return normalisedGivenName === null ? NONE : (GROUPS_BY_NAME.get(normalisedGivenName) ?? NONE);
}

/** Whether two names share a nickname group (William and Bill, Bill and Billy). */
export function shareNicknameGroup(a: readonly number[], b: readonly number[]): boolean {
  for (const group of a) if (b.includes(group)) return true;
  return false;
}

/** Every name the table knows, for generators of test data. */
export function nicknameTable(): readonly (readonly string[])[] {
  return GROUPS.map((group) => group.split(' '));
}

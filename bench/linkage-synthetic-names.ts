// Name and place lists for the synthetic population, ordered roughly by how common
// they are in England and Wales; weights fall with rank so common names are common.

export const FEMALE_GIVEN = (
  'olivia amelia isla ava mia ivy lily isabella sophia grace freya emily poppy ella evie charlotte willow florence ' +
  'sophie daisy alice elsie sienna ruby matilda rosie evelyn harper jessica chloe lucy ellie millie phoebe maya ' +
  'sarah emma hannah rebecca laura amy rachel lauren katie jennifer nicola claire michelle helen elizabeth ' +
  'margaret susan patricia linda karen julie deborah joanne louise samantha victoria catherine kathryn ' +
  'jane janet christine caroline angela gillian dorothy barbara maureen valerie penelope josephine ' +
  'danielle natalie leanne kelly stacey gemma hayley zoe jade kirsty abigail megan bethany georgia ' +
  'aisha fatima zainab maryam amina priya anjali ayesha'
).split(' ');

export const MALE_GIVEN = (
  'oliver george noah arthur muhammad leo harry oscar archie henry theodore freddie jack charlie theo ' +
  'alfie jacob thomas finley arlo william isaac james joshua daniel samuel benjamin joseph matthew ' +
  'david michael christopher andrew richard robert paul mark stephen peter john anthony kevin jonathan ' +
  'nicholas edward patrick philip timothy gregory kenneth ronald gerald frederick alexander ' +
  'lewis ryan liam connor callum kieran jordan bradley dean craig darren lee wayne gary neil ' +
  'ethan mason logan lucas dylan nathan adam aaron jake luke sean owen tyler ' +
  'mohammed ahmed ali hassan omar ibrahim yusuf bilal imran rajesh sanjay arjun'
).split(' ');

export const COMMON_FAMILY = (
  'smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson wright ' +
  'walker white edwards hughes green hall lewis harris clarke patel jackson wood turner martin cooper hill ' +
  'ward morris moore clark lee king baker harrison morgan allen james scott phillips watson davis parker ' +
  'price bennett young griffiths mitchell kelly cook carter richardson bailey collins bell shaw murphy ' +
  'miller cox richards khan marshall anderson simpson ellis adams singh begum wilkinson foster chapman ' +
  'powell webb rogers gray mason ali hunt hussain campbell matthews owen palmer holmes mills barnes knight ' +
  'lloyd butler russell barker fisher stevens jenkins murray dixon harvey graham pearson ahmed fletcher ' +
  'walsh kaur gibson howard andrews stewart ford reynolds saunders payne fox ross pearce dawson kennedy ' +
  'reid hudson burton rahman hamilton connolly macdonald okafor nowak kowalski'
).split(' ');

const GIVEN_STARTS = 'al bel cor dar el fen gal hal is jas kal lor mar nor or per ros sel tam vel win zan bry cal'.split(' ');
const FEMALE_ENDINGS = 'a ia ina ette ella ena isa ie yn ana'.split(' ');
const MALE_ENDINGS = 'an en on ric as us o im ek ar'.split(' ');

/**
 * Rare given names (Belina, Corette, Darric...): in England and Wales the hundred
 * commonest names cover only part of each generation, and the rest are spread thin.
 */
export function givenNameTail(sex: 'female' | 'male'): string[] {
  const endings = sex === 'female' ? FEMALE_ENDINGS : MALE_ENDINGS;
  return GIVEN_STARTS.flatMap((start) => endings.map((ending) => start + ending));
}

const FAMILY_STEMS = (
  'ash brad brom cal dun elm fair gold hart hol kings lang mar north oak pen rad ship stan thorn wal west ' +
  'whit win york bar black bright brook burn carl chad den dray fern gar grim hay hep kel lam ley mor ' +
  'nor pad rid rom sel sher som stow tal tem thur ton wes wick worth ald bel cro dal ev ful gil ham hew'
).split(' ');
const FAMILY_ENDINGS = (
  'ton ley worth field wood ford by bury well croft ham stead more ridge dale land wick cott hurst brook ' +
  'well shaw holme thorpe ington er son man combe den'
).split(' ');

const FAMILY_INFIXES = ['', 'ing', 'er', 'en', 'el', 'es', 'an', 'le', 'ow', 'ey', 'ock', 'am'];

/**
 * A long tail of plausible English surnames (Ashworth, Bradley, Thornfield...), most of
 * them rare. The longer tail (about 20,000 names, Ashingworth, Bradelton...) is nearer
 * England and Wales, where the people outside the 170 commonest surnames share hundreds
 * of thousands of them; the short one (about 1,800) makes every surname commoner.
 */
export function familyNameTail(options: { readonly long?: boolean } = {}): string[] {
  const names = new Set<string>();
  const infixes = options.long ? FAMILY_INFIXES : [''];
  for (const stem of FAMILY_STEMS) for (const infix of infixes) for (const ending of FAMILY_ENDINGS) names.add(stem + infix + ending);
  return [...names];
}

/** Towns with their postcode areas and a weight for their population. */
export const TOWNS: readonly { readonly town: string; readonly areas: readonly string[]; readonly weight: number }[] = [
  { town: 'London', areas: ['E', 'N', 'NW', 'SE', 'SW', 'W'], weight: 90 },
  { town: 'Birmingham', areas: ['B'], weight: 11 },
  { town: 'Manchester', areas: ['M'], weight: 9 },
  { town: 'Leeds', areas: ['LS'], weight: 8 },
  { town: 'Sheffield', areas: ['S'], weight: 6 },
  { town: 'Bristol', areas: ['BS'], weight: 5 },
  { town: 'Liverpool', areas: ['L'], weight: 5 },
  { town: 'Newcastle upon Tyne', areas: ['NE'], weight: 4 },
  { town: 'Nottingham', areas: ['NG'], weight: 4 },
  { town: 'Leicester', areas: ['LE'], weight: 4 },
  { town: 'Coventry', areas: ['CV'], weight: 3 },
  { town: 'Bradford', areas: ['BD'], weight: 3 },
  { town: 'Cambridge', areas: ['CB'], weight: 2 },
  { town: 'Peterborough', areas: ['PE'], weight: 2 },
  { town: 'Norwich', areas: ['NR'], weight: 2 },
  { town: 'Plymouth', areas: ['PL'], weight: 2 },
  { town: 'Southampton', areas: ['SO'], weight: 2 },
  { town: 'Portsmouth', areas: ['PO'], weight: 2 },
  { town: 'Reading', areas: ['RG'], weight: 2 },
  { town: 'Derby', areas: ['DE'], weight: 2 },
  { town: 'Stoke-on-Trent', areas: ['ST'], weight: 2 },
  { town: 'Wolverhampton', areas: ['WV'], weight: 2 },
  { town: 'Sunderland', areas: ['SR'], weight: 2 },
  { town: 'Hull', areas: ['HU'], weight: 2 },
  { town: 'Luton', areas: ['LU'], weight: 1 },
  { town: 'Sandwell', areas: ['B'], weight: 2 },
  { town: 'Bolton', areas: ['BL'], weight: 2 },
  { town: 'Oxford', areas: ['OX'], weight: 1 },
  { town: 'York', areas: ['YO'], weight: 1 },
  { town: 'Exeter', areas: ['EX'], weight: 1 },
  { town: 'Ipswich', areas: ['IP'], weight: 1 },
  { town: 'Brighton', areas: ['BN'], weight: 2 },
  { town: 'Swindon', areas: ['SN'], weight: 1 },
  { town: 'Middlesbrough', areas: ['TS'], weight: 1 },
  { town: 'Blackpool', areas: ['FY'], weight: 1 },
  { town: 'Huddersfield', areas: ['HD'], weight: 1 },
];

export const EMAIL_DOMAINS = ['gmail.com', 'hotmail.co.uk', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'live.co.uk'];

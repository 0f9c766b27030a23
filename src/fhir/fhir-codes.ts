// The code systems the mapping reads and writes. Standard ones (SNOMED CT, LOINC, UCUM,
// HL7 v3) where the UK Core profiles use them; Threadline's own code systems, named
// under THREADLINE_FHIR, for the contract's vocabulary that has no standard code.

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const NHS_NUMBER = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_CODE = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

export const THREADLINE_FHIR = 'https://threadline.example/fhir';
/** The source system of Threadline's own records (meta.source of what it exports). */
export const THREADLINE_SYSTEM = `${THREADLINE_FHIR}/source/threadline`;
/** A person's Threadline id, on every exported Patient and RelatedPerson. */
export const THREADLINE_PERSON = `${THREADLINE_FHIR}/Id/person`;
/** meta.tag naming the Threadline record (code: its id; display: the part) a resource was made from. */
export const THREADLINE_RECORD = `${THREADLINE_FHIR}/CodeSystem/record`;

export const codeSystem = (name: string) => `${THREADLINE_FHIR}/CodeSystem/${name}`;
export const extensionUrl = (name: string) => `${THREADLINE_FHIR}/StructureDefinition/${name}`;

export const SYSTEMS = {
  agency: codeSystem('agency'),
  personRole: codeSystem('person-role'),
  contactKind: codeSystem('contact-kind'),
  meetingKind: codeSystem('meeting-kind'),
  strategyDecision: codeSystem('strategy-decision'),
  concernKind: codeSystem('concern-kind'),
  injuryKind: codeSystem('injury-kind'),
  conditionKind: codeSystem('condition-kind'),
  flagKind: codeSystem('flag-kind'),
  referralDestination: codeSystem('referral-destination'),
  referralCategory: codeSystem('referral-category'),
  planKind: codeSystem('plan-kind'),
  serviceLevel: codeSystem('service-level'),
  episodeKind: codeSystem('episode-kind'),
  allocationRole: codeSystem('allocation-role'),
  informationKind: codeSystem('information-kind'),
  immunisationStage: codeSystem('immunisation-stage'),
  missedReason: codeSystem('missed-reason'),
  severity: codeSystem('severity'),
  cpIsPlanType: codeSystem('cp-is-plan-type'),
} as const;

export const EXTENSIONS = {
  recordingAgency: extensionUrl('recording-agency'),
  recordNote: extensionUrl('record-note'),
  personRole: extensionUrl('person-role'),
  area: extensionUrl('area'),
  due: extensionUrl('due-date'),
  seen: extensionUrl('seen'),
  childSeen: extensionUrl('child-seen'),
  mobile: extensionUrl('mobile'),
  count: extensionUrl('count'),
  unborn: extensionUrl('unborn'),
  mother: extensionUrl('mother'),
  gestationWeeks: extensionUrl('gestation-weeks'),
  birthSex: extensionUrl('birth-sex'),
  fitForDischarge: extensionUrl('fit-for-discharge'),
  requiresAcknowledgement: extensionUrl('requires-acknowledgement'),
  endedReason: extensionUrl('ended-reason'),
  paediatricianInput: extensionUrl('paediatrician-input'),
  strategyDecision: extensionUrl('strategy-decision'),
} as const;

/** Relationship to the child (HL7 v3 RoleCode) and back. */
export const RELATIONSHIP_CODES = {
  mother: 'MTH',
  father: 'FTH',
  'male-carer': 'STPFTH',
  'female-carer': 'STPMTH',
  'partner-of-parent': 'SIGOTHR',
  grandparent: 'GRPRN',
  sibling: 'SIB',
  'household-member': 'ROOM',
} as const;
/** Other RoleCodes UK systems send for the same relationships. */
export const RELATIONSHIP_SYNONYMS: Record<string, keyof typeof RELATIONSHIP_CODES> = {
  NMTH: 'mother',
  NFTH: 'father',
  GESTM: 'mother',
  MTHF: 'mother',
  FTHF: 'father',
  GRMTH: 'grandparent',
  GRFTH: 'grandparent',
  BRO: 'sibling',
  SIS: 'sibling',
  NSIB: 'sibling',
  HSIB: 'sibling',
  FAMMEMB: 'household-member',
  DOMPART: 'partner-of-parent',
  SPS: 'partner-of-parent',
};

/** Growth measurements: LOINC and SNOMED CT codes, and the unit the record keeps. */
export const MEASUREMENT_CODES = {
  weight: { loinc: ['29463-7', '3141-9', '8335-2'], snomed: ['27113001', '363808001'], unit: 'kg', display: 'Body weight' },
  length: { loinc: ['8306-3', '8302-2', '8305-5'], snomed: ['50373000', '248334005', '1153637007'], unit: 'cm', display: 'Body length' },
  'head-circumference': { loinc: ['9843-4', '8287-5'], snomed: ['363812007'], unit: 'cm', display: 'Head circumference' },
} as const;

/** UCUM units accepted for each measured quantity, as a factor to the record's unit. */
export const UNIT_FACTORS: Record<'kg' | 'cm', Record<string, number>> = {
  kg: { kg: 1, g: 0.001, '[lb_av]': 0.45359237, '[oz_av]': 0.028349523125 },
  cm: { cm: 1, mm: 0.1, m: 100, '[in_i]': 2.54 },
};

/** Birth weight and gestation at birth (LOINC). */
export const BIRTH_WEIGHT_LOINC = '8339-4';
export const GESTATION_AT_BIRTH_LOINC = '76516-4';

/** Severity (SNOMED CT qualifiers, as UK Core Condition.severity). */
export const SEVERITY_CODES = { low: '255604002', medium: '6736007', high: '24484000' } as const;

/** Injury kinds as SNOMED CT findings (import also accepts Threadline's codes). */
export const INJURY_SNOMED: Record<string, string> = {
  '125667009': 'bruise',
  '125666000': 'burn',
  '125605004': 'fracture',
  '782161000': 'bite',
  '442672001': 'swelling',
  '82271004': 'head-injury',
  '131148009': 'bleeding',
};

/** Contact kinds from SNOMED CT encounter types UK systems send. */
export const CONTACT_SNOMED: Record<string, string> = {
  '4525004': 'ed-attendance', // Emergency department patient visit
  '185389009': 'urgent-care-attendance', // Follow-up visit... used by some UTC systems for urgent care
  '439708006': 'home-visit',
  '185317003': 'phone-call', // Telephone encounter
  '11429006': 'gp-consultation', // Consultation
  '185347001': 'clinic', // Encounter for problem
};

/** Encounter class (HL7 v3 ActCode) each contact kind is exported with. */
export const CONTACT_CLASS: Record<string, string> = {
  'home-visit': 'HH',
  'new-birth-visit': 'HH',
  'antenatal-contact': 'AMB',
  'ed-attendance': 'EMER',
  'urgent-care-attendance': 'EMER',
  'phone-call': 'VR',
  'police-attendance': 'FLD',
};

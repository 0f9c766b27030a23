import type { Observation } from '@medplum/fhirtypes';
import type { MeasurementKind } from '../domain/vocabulary.ts';
import type { ThreadEvent } from '../domain/events.ts';
import {
  BIRTH_WEIGHT_LOINC,
  EXTENSIONS,
  GESTATION_AT_BIRTH_LOINC,
  LOINC,
  MEASUREMENT_CODES,
  OBSERVATION_CATEGORY,
  SNOMED,
  UCUM,
  UNIT_FACTORS,
} from './fhir-codes.ts';
import {
  atFrom,
  codeFrom,
  codesFrom,
  concept,
  envelopeExtensions,
  envelopeFrom,
  extensionOf,
  instant,
  type ImportContext,
  type ResourceExport,
  type ResourceMapping,
} from './mapping.ts';

function measurementKind(observation: Observation): MeasurementKind | undefined {
  for (const coding of codesFrom(observation.code))
    for (const [kind, codes] of Object.entries(MEASUREMENT_CODES)) {
      if (coding.system === LOINC && (codes.loinc as readonly string[]).includes(coding.code ?? '')) return kind as MeasurementKind;
      if (coding.system === SNOMED && (codes.snomed as readonly string[]).includes(coding.code ?? '')) return kind as MeasurementKind;
    }
  return undefined;
}

/** A UCUM quantity in the record's unit (kg or cm), or a problem naming the element. */
function quantityIn(
  unit: 'kg' | 'cm',
  quantity: Observation['valueQuantity'],
  path: string,
  context: Pick<ImportContext, 'problem'>,
): number | undefined {
  if (quantity?.value === undefined) return context.problem(`${path}.value`, 'is required: the measured value');
  if (quantity.system !== UCUM) return context.problem(`${path}.system`, `must be UCUM (${UCUM})`);
  const factor = quantity.code === undefined ? undefined : UNIT_FACTORS[unit][quantity.code];
  if (factor === undefined)
    return context.problem(
      `${path}.code`,
      `${JSON.stringify(quantity.code ?? '')} is not a UCUM unit of this measurement (one of: ${Object.keys(UNIT_FACTORS[unit]).join(', ')})`,
    );
  return Math.round(quantity.value * factor * 10_000) / 10_000;
}

/** Weeks and days of gestation from a UCUM quantity in weeks (wk) or days (d). */
function gestationFrom(observation: Observation, context: ImportContext): { gestationWeeks?: number; gestationDays?: number } {
  const index = observation.component?.findIndex((c) => codeFrom(c.code, LOINC) === GESTATION_AT_BIRTH_LOINC) ?? -1;
  const quantity = index >= 0 ? observation.component![index].valueQuantity : undefined;
  const path = `Observation.component[${index}].valueQuantity`;
  if (!quantity || quantity.value === undefined) {
    context.problem('Observation.component', `must hold the gestation at birth (LOINC ${GESTATION_AT_BIRTH_LOINC}) in weeks`);
    return {};
  }
  const days = quantity.code === 'wk' ? Math.round(quantity.value * 7) : quantity.code === 'd' ? Math.round(quantity.value) : undefined;
  if (days === undefined) {
    context.problem(`${path}.code`, 'must be wk or d (UCUM)');
    return {};
  }
  return { gestationWeeks: Math.floor(days / 7), ...(days % 7 ? { gestationDays: days % 7 } : {}) };
}

/**
 * Observation: body weight, length and head circumference (LOINC or SNOMED CT codes,
 * UCUM units converted to kg and cm), and the birth weight with the gestation at birth
 * (which records the birth).
 */
export const observationMapping: ResourceMapping<Observation> = {
  resourceType: 'Observation',
  toEvents(observation, context) {
    const at = atFrom(observation.effectiveDateTime ?? observation.effectivePeriod?.start, 'Observation.effectiveDateTime', context);
    const envelope = envelopeFrom(observation);
    if (codeFrom(observation.code, LOINC) === BIRTH_WEIGHT_LOINC) {
      const child = context.person(observation.subject, 'Observation.subject');
      const mother = context.person(extensionOf(observation, EXTENSIONS.mother)?.valueReference, 'Observation.extension(mother)');
      const sex = extensionOf(observation, EXTENSIONS.birthSex)?.valueCode ?? 'unknown';
      return [
        {
          part: 'birth',
          event: {
            type: 'birth',
            at,
            child,
            mother,
            ...gestationFrom(observation, context),
            birthWeightKg: quantityIn('kg', observation.valueQuantity, 'Observation.valueQuantity', context),
            sex,
            ...envelope,
          },
          paths: {
            birthWeightKg: 'Observation.valueQuantity.value',
            gestationWeeks: 'Observation.component.valueQuantity',
            at: 'Observation.effectiveDateTime',
          },
        },
      ];
    }
    const kind = measurementKind(observation);
    if (!kind) {
      const known = Object.values(MEASUREMENT_CODES).flatMap((c) => [...c.loinc]);
      context.problem(
        'Observation.code',
        `must be a body weight, length or head circumference (LOINC ${known.join(', ')}; or SNOMED CT) or a birth weight (LOINC ${BIRTH_WEIGHT_LOINC})`,
      );
      return [];
    }
    const person = context.person(observation.subject, 'Observation.subject');
    const value = quantityIn(MEASUREMENT_CODES[kind].unit, observation.valueQuantity, 'Observation.valueQuantity', context);
    return [
      {
        part: 'measurement',
        event: { type: 'measurement', at, person, kind, value, ...envelope },
        paths: { value: 'Observation.valueQuantity.value', at: 'Observation.effectiveDateTime', person: 'Observation.subject' },
      },
    ];
  },
};

const vitalSigns = [concept(OBSERVATION_CATEGORY, 'vital-signs', 'Vital Signs')];

export const observationExport: ResourceExport = {
  eventTypes: ['measurement', 'birth'],
  toResource(events, context): Observation {
    const event = events[0];
    const base = {
      resourceType: 'Observation' as const,
      id: event.data.source?.id ?? event.key,
      status: 'final' as const,
      category: vitalSigns,
      effectiveDateTime: instant(event.at, context.zone),
    };
    if (event.type === 'birth') {
      const birth = event;
      const weeks = birth.data.gestationWeeks + (birth.data.gestationDays ?? 0) / 7;
      return {
        ...base,
        code: concept(LOINC, BIRTH_WEIGHT_LOINC, 'Birth weight Measured'),
        subject: context.patientReference(birth.data.child),
        extension: [
          ...envelopeExtensions(birth),
          { url: EXTENSIONS.mother, valueReference: context.patientReference(birth.data.mother) },
          { url: EXTENSIONS.birthSex, valueCode: birth.data.sex },
        ],
        valueQuantity: { value: birth.data.birthWeightKg, unit: 'kg', system: UCUM, code: 'kg' },
        component: [
          {
            code: concept(LOINC, GESTATION_AT_BIRTH_LOINC, 'Gestational age at birth'),
            valueQuantity: { value: Math.round(weeks * 10_000) / 10_000, unit: 'wk', system: UCUM, code: 'wk' },
          },
        ],
      };
    }
    const measurement = event as ThreadEvent<'measurement'>;
    const codes = MEASUREMENT_CODES[measurement.data.kind];
    return {
      ...base,
      code: {
        coding: [
          { system: LOINC, code: codes.loinc[0], display: codes.display },
          { system: SNOMED, code: codes.snomed[0] },
        ],
      },
      subject: context.patientReference(measurement.data.person),
      extension: envelopeExtensions(measurement),
      valueQuantity: { value: measurement.data.value, unit: codes.unit, system: UCUM, code: codes.unit },
    };
  },
};

import { employeeRanges } from './hubspot-standard-contact-properties';

type EmployeeRange = (typeof employeeRanges)[number];

const upperBounds: ReadonlyArray<readonly [number, EmployeeRange]> = [
  [5, '1-5'],
  [25, '5-25'],
  [50, '25-50'],
  [100, '50-100'],
  [500, '100-500'],
  [1000, '500-1000'],
];

/** HubSpot's `numemployees` option for a head count. */
export function employeeRange(employees: number): EmployeeRange {
  return upperBounds.find(([upper]) => employees <= upper)?.[1] ?? '1000+';
}

import { describe, expect, it } from 'vitest';
import { formatArea, formatDensity, formatDensityRange, formatLength, formatLengthRange, formatQuantity, formatViewingDistance } from '../../src/domain/units';

describe('metric and imperial display', () => {
  it('writes lengths in mm or inches', () => {
    expect(formatLength(80, 'metric', 0)).toBe('80 mm');
    expect(formatLength(25.4, 'imperial', 0)).toBe('1.00 in');
    expect(formatLength(0.4, 'metric', 2)).toBe('0.40 mm');
    expect(formatLength(0.4, 'imperial', 2)).toBe('0.0157 in');
  });

  it('writes areas and densities per cm² or per square inch', () => {
    expect(formatArea(582, 'metric')).toBe('582 cm²');
    expect(formatArea(6.4516 * 90, 'imperial')).toBe('90 in²');
    expect(formatDensity(100, 'metric')).toBe('100 dots/cm²');
    expect(formatDensity(100, 'imperial')).toBe('645 dots/in²');
  });

  it('writes ranges with the unit once', () => {
    expect(formatLengthRange(5, 10, 'metric', 0)).toBe('5–10 mm');
    expect(formatLengthRange(5, 10, 'imperial', 0)).toBe('0.20–0.39 in');
    expect(formatDensityRange(65, 90, 'metric')).toBe('65–90 dots/cm²');
    expect(formatDensityRange(65, 90, 'imperial')).toBe('419–581 dots/in²');
  });

  it('formats a schema value by its unit, leaving other units as they are', () => {
    expect(formatQuantity(8, 'mm', 'imperial', 1)).toBe('0.315 in');
    expect(formatQuantity(90, 'cm²', 'imperial', 0)).toBe('14 in²');
    expect(formatQuantity(300, 'scars', 'imperial', 0)).toBe('300 scars');
    expect(formatQuantity(0.5, '', 'metric', 2)).toBe('0.50');
  });
});

describe('viewing distances', () => {
  it('says them as people do, in metres or feet', () => {
    expect([300, 1000, 3000].map((mm) => formatViewingDistance(mm, 'metric'))).toEqual(['30 cm', '1 m', '3 m']);
    expect([300, 1000, 3000].map((mm) => formatViewingDistance(mm, 'imperial'))).toEqual(['1 ft', '3 ft', '10 ft']);
  });
});

import { randomInt } from 'node:crypto';
import { passwordProblems, type PasswordOwner } from './password-rules.js';

/**
 * Logins for a training class: names from the class name and the trainee's number, passwords
 * that meet PACER's 2025 password standard (FIDELITY §7, checked by password-rules.ts), so a
 * trainee sees realistic ones.
 *
 *   class "mar26", trainee 7 of 20:  PACER username  mar26-07     CM/ECF login  mar26ecf07
 *
 * The CM/ECF login is letters and digits only: logins with special characters cannot link (real).
 */
export const CLASS_NAME = /^[a-z][a-z0-9]{1,11}$/;
export const CLASS_NAME_RULE = '2-12 lower-case letters and digits, starting with a letter (e.g. mar26)';
export const MAX_CLASS_SIZE = 5000;

export interface TraineeIdentity {
  number: number;
  pacerUsername: string;
  ecfLogin: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Numbers are zero-padded to the class size's width (at least two digits), so logins sort. */
export function traineeIdentity(className: string, number: number, classSize: number): TraineeIdentity {
  const nn = String(number).padStart(Math.max(2, String(classSize).length), '0');
  const pacerUsername = `${className}-${nn}`;
  return {
    number,
    pacerUsername,
    ecfLogin: `${className}ecf${nn}`,
    firstName: 'Trainee',
    lastName: nn,
    // example.* is reserved for documentation (RFC 2606): these addresses reach no one.
    email: `${pacerUsername}@training.example`,
  };
}

/** Easy to read aloud and type from a card: no look-alike pairs such as O/0 or l/1 in the words. */
const WORDS = [
  'Amber', 'Aspen', 'Birch', 'Brisk', 'Cedar', 'Comet', 'Coral', 'Crisp', 'Delta', 'Ember', 'Fable', 'Fern',
  'Frost', 'Garnet', 'Harbor', 'Hazel', 'Indigo', 'Jasper', 'Juniper', 'Kestrel', 'Lantern', 'Lunar', 'Maple',
  'Meadow', 'Nectar', 'Nimbus', 'Orchard', 'Pebble', 'Pepper', 'Quartz', 'Raven', 'River', 'Russet', 'Saffron',
  'Spruce', 'Summit', 'Tidal', 'Timber', 'Tundra', 'Velvet', 'Walnut', 'Willow', 'Winter', 'Zephyr',
];
const SPECIALS = ['!', '#', '$', '%', '&', '*', '?', '@'];

/**
 * Word-Word-NNNN plus a special character: 16-22 characters, e.g. "Cedar-Harbor-4821!". Drawn
 * again until it meets the standard for this owner (a class named "river" rules out River).
 */
export function traineePassword(user: PasswordOwner): string {
  for (;;) {
    const a = WORDS[randomInt(WORDS.length)] ?? 'Cedar';
    const b = WORDS[randomInt(WORDS.length)] ?? 'Harbor';
    const digits = String(randomInt(1000, 10000));
    const password = `${a}-${b}-${digits}${SPECIALS[randomInt(SPECIALS.length)] ?? '!'}`;
    if (a !== b && passwordProblems(password, user).length === 0) return password;
  }
}

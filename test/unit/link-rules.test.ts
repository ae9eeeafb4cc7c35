import { describe, expect, it } from 'vitest';
import { fullName, hasSpecialCharacters, LINK_TEXT, namesDiffer, pacerSideProblem } from '../../server/domain/link-rules.js';
import { ecfAccount, pacerAccount } from '../support/account-fixtures.js';

describe('the linking rules (link-rules.ts, FIDELITY §6)', () => {
  it('let an upgraded individual account link once per court', () => {
    expect(pacerSideProblem(pacerAccount(), undefined)).toBeNull();
    expect(pacerSideProblem(pacerAccount(), ecfAccount({ linkedPacerAccountId: 1 }))).toEqual({ text: LINK_TEXT.alreadyLinkedHere });
  });

  it('refuse shared and legacy accounts, each with its own hint', () => {
    expect(pacerSideProblem(pacerAccount({ kind: 'shared' }), undefined)).toEqual({ text: LINK_TEXT.notUpgraded, hint: LINK_TEXT.sharedHint });
    expect(pacerSideProblem(pacerAccount({ upgraded: false }), undefined)).toEqual({ text: LINK_TEXT.notUpgraded, hint: LINK_TEXT.legacyHint });
    // Whatever else is true of it, a shared account is refused as shared.
    expect(pacerSideProblem(pacerAccount({ kind: 'shared', upgraded: false }), ecfAccount())?.hint).toBe(LINK_TEXT.sharedHint);
  });

  it('let letters and digits through and refuse any other character in a CM/ECF login', () => {
    for (const login of ['attytest4', 'LL445566', 'a']) expect(hasSpecialCharacters(login), login).toBe(false);
    for (const login of ['sp1234!x', 'ab_c', 'ab c', 'ab-c', 'jos\u00e9', '']) expect(hasSpecialCharacters(login), login).toBe(true);
  });

  it('compare names regardless of case and spacing', () => {
    expect(fullName({ firstName: 'John', lastName: 'Attorney' })).toBe('John Attorney');
    expect(fullName({ firstName: '', lastName: 'Attorney' })).toBe('Attorney');
    expect(namesDiffer(pacerAccount(), ecfAccount({ firstName: ' john ', lastName: 'ATTORNEY' }))).toBe(false);
    expect(namesDiffer(pacerAccount({ firstName: 'Maria', lastName: 'Gonzalez' }), ecfAccount({ firstName: 'Maria', lastName: 'Gonzales' }))).toBe(true);
  });
});

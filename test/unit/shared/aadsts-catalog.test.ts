// The AADSTS catalog as data: every entry complete and in our own words, every code in exactly one
// audience group, groups pass their fixer and actions on, and every code has Microsoft's lookup page.
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../src/main/common/external-links';
import { CatalogEntrySchema, FixerSchema } from '../../../src/shared/contract/explain';
import { AADSTS_CATALOG, aadstsLookupUrl } from '../../../src/shared/knowledge/aadsts-catalog';
import { defineGroup } from '../../../src/shared/knowledge/aadsts/define-group';
import { AADSTS_GROUPS } from '../../../src/shared/knowledge/aadsts/groups';
import { findExactEntry } from '../../../src/shared/knowledge/catalog';

// The codes the first catalog had; the new layout must keep every one of them, with its name.
const FIRST_CATALOG: Record<string, string> = {
  '16000': 'InteractionRequired', '16001': 'UserAccountSelectionInvalid', '16003': 'SsoUserAccountNotFoundInResourceTenant',
  '50000': 'TokenIssuanceError', '50001': 'InvalidResource', '50002': 'NotAllowedTenant', '50005': 'DevicePolicyError',
  '50011': 'InvalidReplyTo', '50012': 'AuthenticationFailed', '50013': 'InvalidAssertion', '50017': 'CertificateValidationFailed',
  '50020': 'UserUnauthorized', '50034': 'UserAccountNotFound', '50053': 'IdsLocked', '50055': 'InvalidPasswordExpiredPassword',
  '50056': 'Invalid or null password', '50057': 'UserDisabled', '50058': 'UserInformationNotProvided',
  '50059': 'MissingTenantRealmAndNoUserInformationProvided', '50064': 'CredentialAuthenticationError',
  '50072': 'UserStrongAuthEnrollmentRequiredInterrupt', '50074': 'UserStrongAuthClientAuthNRequiredInterrupt',
  '50076': 'UserStrongAuthClientAuthNRequired', '50078': 'UserStrongAuthExpired', '50079': 'UserStrongAuthEnrollmentRequired',
  '50089': 'Flow token expired', '50097': 'DeviceAuthenticationRequired', '50105': 'EntitlementGrantsNotFound',
  '50125': 'PasswordResetRegistrationRequiredInterrupt', '50126': 'InvalidUserNameOrPassword', '50127': 'BrokerAppNotInstalled',
  '50128': 'Invalid domain name', '50129': 'DeviceIsNotWorkplaceJoined', '50131': 'ConditionalAccessFailed',
  '50132': 'SsoArtifactInvalidOrExpired', '50133': 'SsoArtifactRevoked', '50135': 'PasswordChangeCompromisedPassword',
  '50140': 'KmsiInterrupt', '50143': 'Session mismatch', '50144': 'InvalidPasswordExpiredOnPremPassword',
  '50155': 'DeviceAuthenticationFailed', '50158': 'ExternalSecurityChallenge', '50173': 'FreshTokenNeeded',
  '50178': 'SessionControlNotSupportedForPassthroughUsers', '50187': 'DeviceInformationNotProvided',
  '50192': 'RawCredentialExpectedNotFound', '50196': 'LoopDetected', '50199': 'CmsiInterrupt', '51004': 'UserAccountNotInDirectory',
  '53000': 'DeviceNotCompliant', '53001': 'DeviceNotDomainJoined', '53002': 'ApplicationUsedIsNotAnApprovedApp',
  '53003': 'BlockedByConditionalAccess', '53004': 'ProofUpBlockedDueToRisk', '53009': 'Intune app protection policy required',
  '53010': 'ProofUpBlockedDueToSecurityInfoAcr', '53011': 'User blocked due to risk on home tenant',
  '54005': 'Authorization code already redeemed', '65001': 'DelegationDoesNotExist', '65004': 'UserDeclinedConsent',
  '65005': 'MisconfiguredApplication', '70000': 'InvalidGrant', '70001': 'UnauthorizedClient', '70002': 'InvalidClient',
  '70008': 'ExpiredOrRevokedGrant', '70011': 'InvalidScope', '70016': 'AuthorizationPending', '70043': 'BadTokenDueToSignInFrequency',
  '75011': 'NoMatchedAuthnContextInOutputClaims', '80001': 'OnPremiseStoreIsNotAvailable',
  '80002': 'OnPremisePasswordValidatorRequestTimedout', '80005': 'OnPremisePasswordValidatorUnpredictableWebException',
  '80007': 'OnPremisePasswordValidatorErrorOccurredOnPrem', '80012': 'OnPremisePasswordValidationAccountLogonInvalidHours',
  '80013': 'OnPremisePasswordValidationTimeSkew', '81010': 'DesktopSsoAuthTokenInvalid',
  '81012': 'DesktopSsoMismatchBetweenTokenUpnAndChosenUpn', '90002': 'InvalidTenantName', '90014': 'MissingRequiredField',
  '90033': 'MsodsServiceUnavailable', '90072': 'PassThroughUserMfaError', '90094': 'AdminConsentRequired',
  '90095': 'AdminConsentRequiredRequestAccess', '90099': 'Application not authorized in tenant',
  '135011': 'Device used during the authentication is disabled', '500011': 'InvalidResourceServicePrincipalNotFound',
  '500021': 'Access to tenant is denied', '500121': 'Authentication failed during strong authentication request',
  '500133': 'Assertion is not within its valid time range', '500212': 'NotAllowedByOutboundPolicyTenant',
  '500213': 'NotAllowedByInboundPolicyTenant', '530002': 'Device required to be compliant', '530003': 'Device required to be managed',
  '530004': 'AcceptCompliantDevice setting not configured', '530032': 'BlockedByConditionalAccessOnSecurityPolicy',
  '530034': 'DelegatedAdminBlockedDueToSuspiciousActivity', '530035': 'BlockedBySecurityDefaults',
  '700016': 'UnauthorizedClient_DoesNotMatchRequest', '700024': 'Client assertion is not within its valid time range',
  '700082': 'ExpiredOrRevokedGrantInactiveToken', '7000215': 'Invalid client secret is provided',
  '7000222': 'InvalidClientSecretExpiredKeysProvided',
};

// Marks of text lifted from Microsoft's table rather than written for users: its placeholders, its
// markup, its boilerplate sentences, and the "SymbolicName - description" shape of its rows.
const COPIED_TEXT_MARKS: readonly RegExp[] = [
  /\{[A-Za-z]+\}/, // {tenant}, {appId}
  /\]\(|<\/?[a-z]+>/i, // markdown links, HTML tags
  /Contact your IDP to resolve this issue/i,
  /Developer error - /i,
  /Open a support ticket/i,
  /^[A-Z][A-Za-z0-9_]+ - /, // "InvalidResource - The resource is disabled..."
];

// Fingerprints (FNV-1a of the normalized text, not the text) of Microsoft's descriptions for codes whose
// description is short enough that a lazy entry could simply repeat it.
const MICROSOFT_SHORT_DESCRIPTIONS: readonly [string, number][] = [
  ['50050', 0x85233ee2], ['50049', 0x09c95fe4], ['50167', 0x7b695884], ['50138', 0x4c0da473], ['140001', 0xa19582b1], ['90121', 0x5412970c],
  ['51000', 0x9cf70646], ['130007', 0x4603f982], ['140000', 0x19577644], ['165900', 0x0eff81f1], ['90004', 0x09a3cc52], ['90120', 0x753226e8],
  ['90119', 0x7fffe603], ['50097', 0x069a6fa4], ['50071', 0x9ccdc82a], ['90006', 0xc5261613], ['90090', 0xc5261613], ['90012', 0x65c3eb13],
  ['50006', 0xbab09a44], ['90015', 0x52eb48d5], ['90016', 0x4df7c979], ['50156', 0xf108807d], ['50157', 0x7a453b40], ['50160', 0xc6c6d7f2],
  ['50166', 0x71bc9e75], ['50187', 0x6414b72a], ['50155', 0xfd89692a], ['50099', 0x0d22550e], ['90010', 0x8f6093bb], ['81005', 0xdbefa8c4],
  ['81006', 0xea4ecd81], ['81007', 0x2466c33c], ['135011', 0x84e9243a], ['500207', 0x4c352d1f], ['70011', 0xc293c99c],
];

function normalized(text: string): string {
  return text.toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h;
}

describe('AADSTS catalog entries', () => {
  it('every entry is complete: schema-valid, canonical code, name, a meaning, a fixer and actions for someone', () => {
    for (const e of AADSTS_CATALOG) {
      expect(CatalogEntrySchema.parse(e), e.code).toEqual(e);
      expect(e.family).toBe('aadsts');
      expect(e.code).toMatch(/^\d{5,7}$/);
      expect(e.rangeOnly, e.code).toBe(false);
      expect(e.name.trim().length, e.code).toBeGreaterThan(3);
      expect(e.meaning.length, e.code).toBeGreaterThan(20);
      expect(e.meaning, e.code).toMatch(/[.!?]$/);
      expect(FixerSchema.options).toContain(e.fixer);
      expect(e.userActions.length + e.adminActions.length, e.code).toBeGreaterThan(0);
      // Whoever is named as the fixer has something to do.
      if (e.fixer !== 'user') expect(e.adminActions.length, `${e.code} needs what IT must do`).toBeGreaterThan(0);
      if (e.fixer === 'user' || e.fixer === 'both') expect(e.userActions.length, `${e.code} needs what the user can do`).toBeGreaterThan(0);
      for (const a of [...e.userActions, ...e.adminActions, ...e.wontHelp]) expect(a.trim().length, e.code).toBeGreaterThan(3);
    }
  });

  it('has no duplicate codes, and no two entries share a meaning', () => {
    const codes = AADSTS_CATALOG.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    const meanings = AADSTS_CATALOG.map((e) => e.meaning);
    expect(meanings.filter((m, i) => meanings.indexOf(m) !== i)).toEqual([]);
  });

  it('meanings are our own words, not Microsoft\'s table text', () => {
    for (const e of AADSTS_CATALOG) {
      expect(e.meaning, e.code).not.toBe(e.name);
      expect(e.meaning.startsWith(e.name), e.code).toBe(false);
      for (const mark of COPIED_TEXT_MARKS) expect(e.meaning, `${e.code} ${String(mark)}`).not.toMatch(mark);
    }
    // No meaning repeats one of Microsoft's short descriptions (of its own code or another).
    const fingerprints = new Set(MICROSOFT_SHORT_DESCRIPTIONS.map(([, h]) => h));
    expect(fnv1a(normalized('The request is malformed.'))).toBe(MICROSOFT_SHORT_DESCRIPTIONS[0]?.[1]); // the scheme matches
    for (const e of AADSTS_CATALOG) expect(fingerprints.has(fnv1a(normalized(e.meaning))), e.code).toBe(false);
  });

  it('keeps every code of the first catalog under its name', () => {
    for (const [code, name] of Object.entries(FIRST_CATALOG)) expect(findExactEntry('aadsts', code)?.name, code).toBe(name);
  });

  it('no entry offers a repair it also says will not help', () => {
    for (const e of AADSTS_CATALOG) {
      if (e.relatedFixes.includes('teams.cache-clear')) expect(e.wontHelp.join(' '), e.code).not.toMatch(/cache/i);
    }
  });

  it('the developer is a fixer: app-registration and request errors name the app\'s developer', () => {
    for (const code of ['700054', '900144', '70004', '7500514']) expect(findExactEntry('aadsts', code)?.fixer, code).toBe('developer');
  });
});

describe('AADSTS groups', () => {
  it('every code is in exactly one group, and every group states its audience', () => {
    const seen = new Map<string, string>();
    for (const g of AADSTS_GROUPS) {
      expect(g.audience.length, g.id).toBeGreaterThan(20);
      expect(g.entries.length, g.id).toBeGreaterThan(0);
      for (const e of g.entries) {
        expect(seen.get(e.code), `${e.code} in ${g.id}`).toBeUndefined();
        seen.set(e.code, g.id);
      }
    }
    expect(seen.size).toBe(AADSTS_CATALOG.length);
    expect(new Set(AADSTS_GROUPS.map((g) => g.id)).size).toBe(AADSTS_GROUPS.length);
  });

  it('an entry inherits the group\'s fixer and actions; alsoUser/alsoAdmin come first; its own fields replace the group\'s', () => {
    const g = defineGroup(
      'sample',
      { audience: 'a sample group for this test', fixer: 'developer', userActions: ['tell IT'], adminActions: ['tell the developer'], wontHelp: ['clearing the cache'], relatedChecks: ['network'] },
      [
        { code: '11111', name: 'Plain', meaning: 'Only what is specific.' },
        { code: '11112', name: 'Extra', meaning: 'With one more step.', alsoUser: ['retry'], alsoAdmin: ['read the log'] },
        { code: '11113', name: 'Own', meaning: 'Its own answer.', fixer: 'user', userActions: ['sign in again'], wontHelp: [], relatedChecks: [] },
      ],
    );
    const [plain, extra, own] = g.entries;
    expect(plain).toMatchObject({ family: 'aadsts', fixer: 'developer', userActions: ['tell IT'], adminActions: ['tell the developer'], wontHelp: ['clearing the cache'], relatedChecks: ['network'], rangeOnly: false });
    expect(extra).toMatchObject({ userActions: ['retry', 'tell IT'], adminActions: ['read the log', 'tell the developer'] });
    expect(own).toMatchObject({ fixer: 'user', userActions: ['sign in again'], adminActions: ['tell the developer'], wontHelp: [], relatedChecks: [] });
    for (const e of g.entries) expect(CatalogEntrySchema.parse(e)).toEqual(e);
  });

  it('real group members carry their group\'s actions (a federation code points at the identity provider)', () => {
    const fed = AADSTS_GROUPS.find((g) => g.id === 'federation');
    const e = findExactEntry('aadsts', '20001');
    expect(fed?.entries).toContain(e);
    expect(e?.fixer).toBe('admin');
    expect(e?.adminActions.join(' ')).toMatch(/identity provider/);
    expect(findExactEntry('aadsts', '120002')?.userActions.join(' ')).toMatch(/password/i);
  });
});

describe('Microsoft\'s lookup page', () => {
  it('is derived from the code for every entry and is allow-listed for opening', () => {
    for (const e of AADSTS_CATALOG) {
      const url = aadstsLookupUrl(e.code);
      expect(url, e.code).toBe(`https://login.microsoftonline.com/error?code=${e.code}`);
      expect(isAllowedExternalUrl(url ?? ''), e.code).toBe(true);
    }
  });

  it('is only made for AADSTS codes, and the allow-list takes only that page', () => {
    for (const bad of ['CAA2000B', '53003&x=1', '', '12', '12345678']) expect(aadstsLookupUrl(bad), bad).toBeUndefined();
    for (const url of ['https://login.microsoftonline.com/common/oauth2/authorize?client_id=x', 'https://login.microsoftonline.com/error?code=53003&redirect=https://evil.example', 'http://login.microsoftonline.com/error?code=53003']) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

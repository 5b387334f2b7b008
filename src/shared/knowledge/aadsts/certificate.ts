// Certificate-based sign-in: CAC/PIV smart cards and the certificate authorities and revocation lists
// Entra ID checks them against. Our CAC checks show the card and reader side.
import { defineGroup } from './define-group';
import { SEND_TO_IT } from './shared-text';

export const CERTIFICATE = defineGroup(
  'certificate',
  {
    audience: 'Certificate-based sign-in (CAC/PIV smart cards); the user presents the card, IT fixes the certificate authorities, revocation lists and proxies',
    fixer: 'both',
    userActions: ['Insert your CAC/PIV card and choose your authentication certificate when asked', SEND_TO_IT],
    adminActions: ['Check the certificate authorities and revocation (CRL) settings for certificate-based authentication in Entra ID'],
    relatedChecks: ['cac'],
  },
  [
    {
      code: '50017',
      name: 'CertificateValidationFailed',
      meaning: 'Your sign-in certificate (for example a CAC or PIV card) was read, but Entra ID could not validate its chain or check whether it was revoked.',
      fixer: 'admin',
      userActions: ['Nothing on your side will fix this; send the details to IT'],
      adminActions: ['Check the certificate authorities uploaded for certificate-based authentication', 'Check that the CRL distribution points are reachable and not expired'],
      relatedChecks: ['cac'],
    },
    {
      code: '50192',
      name: 'RawCredentialExpectedNotFound',
      meaning: 'The sign-in expected a certificate (for example from your CAC or PIV card) but none arrived. Either no certificate was chosen, or something on the network removed it.',
      fixer: 'both',
      userActions: ['Insert your CAC/PIV card before signing in and pick your authentication certificate when asked', 'Try from a network without a proxy or VPN if you can'],
      adminActions: ['Exclude the certificate-authentication hosts (certauth.login.microsoftonline.com and similar) from TLS inspection on proxies and firewalls'],
      relatedChecks: ['cac', 'network'],
    },
    {
      code: '220501',
      name: 'InvalidCrlDownload',
      meaning: 'The revocation list (CRL) for your certificate could not be downloaded or read, so the certificate could not be checked.',
      fixer: 'admin',
      userActions: ['Nothing on your side will fix this; send the details to IT'],
      alsoAdmin: ['Check that the CRL distribution point of the issuing authority is reachable from the internet, current and not too large'],
    },
  ],
);

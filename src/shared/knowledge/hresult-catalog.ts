// Windows HRESULT / Win32 codes that show up around sign-in: services that are off, the WinINet /
// WinHTTP network family (0x80072EE0-0x80072FFF = Win32 12000-12287), keys and the TPM that the
// token broker needs (0x8009xxxx, 0x8028xxxx, 0x8029xxxx), device registration (0x801Cxxxx,
// DSREG_*) and MDM / Intune enrollment (0x8018xxxx, MENROLL_*). Sources, read and put in our own
// words: winerror.h names, Microsoft Learn "Troubleshoot Microsoft Entra hybrid joined devices"
// (entra-docs docs/identity/devices/troubleshoot-hybrid-join-windows-current.md, commit 1b2aba24),
// "MDM Registration Error Values" (win32 desktop-src/MDMReg/mdm-registration-constants.md, commit
// 1cfb8fa3) and the Intune Windows enrollment troubleshooting articles. Codes that say little on
// their own (access denied, not found) are marked as generic in their meaning.
import type { CatalogEntry } from '../contract/explain';
import { defineEntries, type EntryInput } from './define-entries';

const NETWORK_ADMIN = 'Check that the sign-in and device registration endpoints (login.microsoftonline.com, enterpriseregistration.windows.net) are reachable from this device, also in the system context, through the proxy and firewall';
const RETRY_LATER = 'Try again in a few minutes, or from another stable network';
const GENERIC = 'This is a generic Windows code: on its own it does not say which part failed. Look at the message around it.';
const SERVICE_ADMIN = 'Find the service named in the message (for sign-in often Token Broker, Web Account Manager, Windows Time, Smart Card or WinHTTP Auto-Proxy) and set its startup type back to Manual or Automatic';
const TPM_ADMIN = 'Check the TPM in tpm.msc and the firmware; if the TPM keeps failing, re-register the device (dsregcmd /leave, then join again)';
const DSREG_LOG = 'Read the User Device Registration event log (Applications and Services Logs > Microsoft > Windows > User Device Registration) and dsregcmd /status for the phase and the suberror';
const MDM_LOG = 'Read the DeviceManagement-Enterprise-Diagnostics-Provider event log and the Intune enrollment restrictions for this user and platform';

// Short rows keep the table readable: [code, symbolic name, meaning, fixer, userActions, adminActions, extra].
type Row = [code: string, name: string, meaning: string, fixer: EntryInput['fixer'], userActions: string[], adminActions: string[], extra?: Partial<EntryInput>];

const network = (extra?: Partial<EntryInput>): Partial<EntryInput> => ({ relatedChecks: ['network'], ...extra });
const device = (extra?: Partial<EntryInput>): Partial<EntryInput> => ({ relatedChecks: ['device'], ...extra });

const rows: Row[] = [
  // ---- Generic COM / Win32 codes (FACILITY_NULL and FACILITY_WIN32) ----
  ['80004004', 'E_ABORT', `The operation was aborted. ${GENERIC}`, 'both', ['Try again'], ['Look for the error logged just before this one']],
  ['80004005', 'E_FAIL', `An unspecified failure. ${GENERIC}`, 'both', ['Try again; if it returns, send the details to IT'], ['Look for a more specific code in the same log or event']],
  ['8000FFFF', 'E_UNEXPECTED', `An unexpected failure. ${GENERIC}`, 'both', ['Restart the app and try again'], ['Look for a more specific code in the same log or event']],
  ['80070002', 'ERROR_FILE_NOT_FOUND', `Windows could not find a file (Win32 error 2). ${GENERIC}`, 'both', ['Restart the app; if it returns, repair or reinstall it'], ['Find which file was missing in the app\'s log']],
  ['80070005', 'E_ACCESSDENIED', `Access denied (Win32 error 5). ${GENERIC} Around sign-in it can be a folder or key the app may not use, or a policy that forbids the action.`, 'both', ['Try again without running the app as another user'], ['Find what was denied in the app\'s log or the event log, and check the permissions or the policy involved']],
  ['8007000D', 'ERROR_INVALID_DATA', 'The answer could not be read (Win32 error 13, invalid data). During device registration this is usually a proxy that answered with its own web page (for example a sign-in page) instead of passing the request on.', 'admin', ['Send the details to IT'], ['Make sure the proxy lets the device (also in the system context) reach the registration endpoints without an interactive proxy sign-in'], network()],
  ['8007000E', 'E_OUTOFMEMORY', `Windows ran out of memory for the operation (Win32 error 14). ${GENERIC}`, 'user', ['Close other programs or restart the computer, then try again'], []],
  ['80070057', 'E_INVALIDARG', `A program passed an invalid value (Win32 error 87). ${GENERIC}`, 'both', ['Update the app and try again'], ['Report it to the vendor of the app that showed it']],
  ['8007041D', 'ERROR_SERVICE_REQUEST_TIMEOUT', 'A Windows service did not answer its start or control request in time (Win32 error 1053).', 'both', ['Restart the computer and try again'], [SERVICE_ADMIN, 'Check the System event log for why the service hangs']],
  ['80070422', 'ERROR_SERVICE_DISABLED', 'A Windows service the sign-in needs is disabled, so it cannot start (Win32 error 1058).', 'admin', ['Send the details to IT; turning services back on needs administrator rights'], [SERVICE_ADMIN, 'Check whether a policy or a "debloat" script disabled it'], device()],
  ['80070424', 'ERROR_SERVICE_DOES_NOT_EXIST', 'A Windows service the sign-in needs is not installed on this computer (Win32 error 1060).', 'admin', ['Send the details to IT'], ['Find which service is missing and repair Windows (DISM /Online /Cleanup-Image /RestoreHealth, then sfc /scannow)'], device()],
  ['80070426', 'ERROR_SERVICE_NOT_ACTIVE', 'A Windows service the sign-in needs has not been started (Win32 error 1062).', 'both', ['Restart the computer and try again'], [SERVICE_ADMIN], device()],
  ['8007042B', 'ERROR_PROCESS_ABORTED', 'A process ended unexpectedly (Win32 error 1067); for a service this means it crashed while starting or running.', 'both', ['Restart the computer and try again'], ['Check the System and Application event logs for the service that stopped'], device()],
  ['8007042C', 'ERROR_SERVICE_DEPENDENCY_FAIL', 'A Windows service could not start because a service it depends on did not start (Win32 error 1068).', 'admin', ['Send the details to IT'], ['Check the dependencies of the service named in the message and start them first (sc qc NAME)'], device()],
  ['80070490', 'ERROR_NOT_FOUND', `Something the operation looked for was not found (Win32 error 1168, "element not found"). ${GENERIC}`, 'both', ['Sign out and sign in again'], ['Find what was looked for in the app\'s log or the AAD operational event log']],
  ['800704C7', 'ERROR_CANCELLED', 'The operation was cancelled, usually because the sign-in window was closed (Win32 error 1223).', 'user', ['Start the sign-in again and complete it'], []],
  ['800704CF', 'ERROR_NETWORK_UNREACHABLE', 'Windows could not reach the network location (Win32 error 1231).', 'both', ['Check your connection and VPN, then try again'], [NETWORK_ADMIN], network({ relatedFixes: ['network.dns-flush'] })],
  ['80070520', 'ERROR_NO_SUCH_LOGON_SESSION', 'Windows found no logon session for the operation (Win32 error 1312). During hybrid join it points to Active Directory replication between domain controllers.', 'admin', ['Send the details to IT; it usually clears after a while'], ['Check Active Directory replication for the computer object', DSREG_LOG], device()],
  ['80070525', 'ERROR_NO_SUCH_USER', 'The user or computer account was not found (Win32 error 1317). During hybrid join it points to Active Directory replication.', 'admin', ['Send the details to IT'], ['Check Active Directory replication for the computer object', DSREG_LOG], device()],
  ['8007052E', 'ERROR_LOGON_FAILURE', 'The user name or password was not accepted (Win32 error 1326).', 'user', ['Check the account and password you typed; reset the password if you are not sure'], ['If the password is right, check whether the account is locked or the password expired']],
  ['800705B4', 'ERROR_TIMEOUT', 'The operation timed out (Win32 error 1460).', 'both', [RETRY_LATER], [NETWORK_ADMIN], network()],
  ['800706BA', 'RPC_S_SERVER_UNAVAILABLE', 'The RPC server is unavailable (Win32 error 1722): a service or a domain controller did not answer.', 'both', ['Check your connection and VPN, then try again'], ['Check that the domain controllers are reachable and that the service involved is running'], network()],
  ['8007232B', 'DNS_ERROR_RCODE_NAME_ERROR', 'The DNS name does not exist (Win32 error 9003).', 'both', ['Check your connection and VPN, then try again'], ['Check the DNS servers and suffixes of this device'], network({ relatedFixes: ['network.dns-flush'] })],
  // ---- WinINet / WinHTTP (0x80072EE0-0x80072FFF) ----
  ['80072EE2', 'ERROR_WINHTTP_TIMEOUT', 'The request to the server timed out (WinHTTP / WinINet error 12002).', 'both', ['Check your connection and VPN, then try again'], [NETWORK_ADMIN], network()],
  ['80072EE5', 'ERROR_WINHTTP_INVALID_URL', 'The address of the server is not a valid URL (WinHTTP / WinINet error 12005); often a bad proxy or PAC setting.', 'admin', ['Send the details to IT'], ['Check the proxy and PAC settings of the device and of WinHTTP (netsh winhttp show proxy)'], network()],
  ['80072EE7', 'ERROR_WINHTTP_NAME_NOT_RESOLVED', 'The server name could not be resolved (DNS, WinHTTP / WinINet error 12007).', 'both', ['Check your connection and VPN, then try again'], ['Check DNS and the proxy for the sign-in endpoints'], network({ relatedFixes: ['network.dns-flush'] })],
  ['80072EF1', 'ERROR_WINHTTP_OPERATION_CANCELLED', 'The request was cancelled before it finished (WinHTTP / WinINet error 12017).', 'user', ['Try again'], []],
  ['80072EFD', 'ERROR_WINHTTP_CANNOT_CONNECT', 'No connection to the server could be made (WinHTTP / WinINet error 12029).', 'both', ['Check your connection and VPN, then try again'], [NETWORK_ADMIN], network({ relatedFixes: ['network.proxy-bypass-add'] })],
  ['80072EFE', 'ERROR_WINHTTP_CONNECTION_ERROR', 'The connection to the server was ended abnormally (WinHTTP / WinINet error 12030).', 'both', [RETRY_LATER], [NETWORK_ADMIN, 'Check for a proxy or firewall that cuts long or inspected connections'], network()],
  ['80072EFF', 'ERROR_INTERNET_CONNECTION_RESET', 'The connection to the server was reset (WinINet error 12031).', 'both', [RETRY_LATER], [NETWORK_ADMIN], network()],
  ['80072F05', 'ERROR_WINHTTP_SECURE_CERT_DATE_INVALID', 'The server\'s certificate is expired or not yet valid as seen from this computer (error 12037); a wrong computer clock causes this too.', 'both', ['Check that the date, time and time zone of your computer are correct'], ['Check for TLS inspection of the sign-in endpoints'], { relatedChecks: ['clock', 'network'], relatedFixes: ['clock.resync'] }],
  ['80072F06', 'ERROR_WINHTTP_SECURE_CERT_CN_INVALID', 'The server\'s certificate is for another name (error 12038), usually a proxy or filter answering in the server\'s place.', 'admin', ['Send the details to IT'], ['Exclude the sign-in endpoints from TLS inspection'], network()],
  ['80072F0C', 'ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED', 'The server asked for a client certificate and none was sent (error 12044), for example a smart card certificate.', 'both', ['Insert your smart card and choose its certificate when asked'], ['Exclude certificate-based sign-in hosts from TLS inspection, which strips client certificates'], { relatedChecks: ['cac', 'network'] }],
  ['80072F0D', 'ERROR_WINHTTP_SECURE_INVALID_CA', 'The server\'s certificate comes from an authority this computer does not trust (error 12045), typical of TLS inspection.', 'admin', ['Send the details to IT'], ['Exclude the sign-in endpoints from TLS inspection, or deploy the inspecting authority\'s root certificate'], network()],
  ['80072F19', 'ERROR_INTERNET_SEC_CERT_REV_FAILED', 'The revocation of the server\'s certificate could not be checked (error 12057): the revocation list or OCSP server was not reachable.', 'admin', ['Try again from another network'], ['Let the device reach the certificate revocation (CRL / OCSP) addresses through the proxy'], network()],
  ['80072F78', 'ERROR_WINHTTP_INVALID_SERVER_RESPONSE', 'The server\'s answer could not be understood (error 12152); a proxy in the way is a common cause.', 'both', [RETRY_LATER], [NETWORK_ADMIN], network()],
  ['80072F7D', 'ERROR_WINHTTP_SECURE_CHANNEL_ERROR', 'The secure (TLS) connection could not be set up (error 12157), for example no common TLS version.', 'admin', ['Try again from another network'], ['Check that TLS 1.2 is enabled on the device and that no proxy downgrades the connection'], network()],
  ['80072F86', 'ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT', 'The proxy auto-configuration (PAC) script has an error (error 12166).', 'admin', ['Send the details to IT'], ['Fix the PAC script the device uses'], network()],
  ['80072F87', 'ERROR_WINHTTP_UNABLE_TO_DOWNLOAD_SCRIPT', 'The proxy auto-configuration (PAC) script could not be downloaded (error 12167).', 'both', ['Check your connection and VPN, then try again'], ['Make sure the PAC address is reachable from the device'], network()],
  ['80072F8F', 'ERROR_WINHTTP_SECURE_FAILURE', 'The secure connection failed (error 12175): for WinHTTP the server\'s certificate could not be validated, for WinINet the answer could not be decoded. A wrong clock, TLS inspection or a proxy changing the answer are the usual causes.', 'both', ['Check that the date, time and time zone of your computer are correct'], ['Check for TLS inspection or a proxy modifying the answers of the sign-in endpoints'], { relatedChecks: ['clock', 'network'], relatedFixes: ['clock.resync'] }],
  ['80072F94', 'ERROR_WINHTTP_AUTODETECTION_FAILED', 'Automatic proxy detection (WPAD) found no proxy configuration (error 12180).', 'admin', ['Send the details to IT'], ['Configure the proxy explicitly, or publish WPAD correctly'], network()],
  // ---- Keys, TLS and the TPM (0x8009xxxx, 0x8028xxxx, 0x8029xxxx) ----
  ['80090010', 'NTE_PERM', 'Access to a cryptographic key was denied.', 'both', ['Sign out of Windows and back in, then try again'], ['Check the key permissions of the account (the token broker\'s keys live in the user profile and the TPM)'], device()],
  ['80090011', 'NTE_NOT_FOUND', 'A cryptographic key or object was not found.', 'both', ['Sign out and sign in again'], ['Re-register the device or remove and add the work account again'], device()],
  ['80090016', 'NTE_BAD_KEYSET', 'The key set does not exist: the key the token broker or device registration needs is gone, typically after the TPM was cleared or when the computer was made from an image of a registered one.', 'admin', ['Send the details to IT; removing and adding the work account again (Settings > Accounts > Access work or school) often fixes it'], ['Do not clear the TPM; remove and re-add the affected accounts', 'Make sure images are captured from devices that were never Entra joined or registered', TPM_ADMIN], device({ relatedFixes: ['teams.signin-reset'] })],
  ['80090027', 'NTE_INVALID_PARAMETER', 'A cryptographic operation got an invalid parameter; with a TPM this often means the TPM or its driver misbehaves.', 'admin', ['Restart the computer and try again'], [TPM_ADMIN], device()],
  ['80090029', 'NTE_NOT_SUPPORTED', 'The cryptographic operation is not supported by the key provider (often an old TPM or its firmware).', 'admin', ['Send the details to IT'], [TPM_ADMIN], device()],
  ['8009002D', 'NTE_INTERNAL_ERROR', 'An internal error in the key provider, often the TPM.', 'admin', ['Restart the computer and try again'], [TPM_ADMIN], device()],
  ['80090030', 'NTE_DEVICE_NOT_READY', 'The device that holds the keys (usually the TPM) is not ready.', 'both', ['Restart the computer (a full restart, not sleep) and try again'], [TPM_ADMIN], device()],
  ['80090031', 'NTE_AUTHENTICATION_IGNORED', 'The TPM is locked out after too many failed attempts (anti-hammering) and ignores requests for a while.', 'both', ['Wait for the lockout to pass, then try again'], ['If it repeats, check the TPM lockout settings and what triggers the failures'], device()],
  ['80090308', 'SEC_E_INVALID_TOKEN', 'The security token given to Windows (for example in a TLS or Kerberos exchange) was not valid.', 'admin', ['Try again from another network'], ['Check for TLS inspection or a proxy in the way of the sign-in'], network()],
  ['8009030C', 'SEC_E_LOGON_DENIED', 'The logon attempt failed (Windows integrated authentication).', 'both', ['Check your account and password'], ['Check the account and the federation or proxy authentication settings']],
  ['8009030E', 'SEC_E_NO_CREDENTIALS', 'No credentials were available for the authentication (for example no smart card certificate or no Kerberos ticket).', 'both', ['Sign out of Windows and back in, with your smart card if you use one'], ['Check that the user has the credential the authentication needs'], { relatedChecks: ['cac', 'device'] }],
  ['80090311', 'SEC_E_NO_AUTHENTICATING_AUTHORITY', 'No authority could be contacted for authentication: usually no domain controller was reachable.', 'both', ['Connect to the company network or VPN, then try again'], ['Check that the domain controllers are reachable from this network'], network()],
  ['80090322', 'SEC_E_WRONG_PRINCIPAL', 'The target name of the Kerberos authentication is wrong (an SPN problem).', 'admin', ['Send the details to IT'], ['Check the service principal names of the server being contacted']],
  ['80090325', 'SEC_E_UNTRUSTED_ROOT', 'The certificate chain comes from an authority this computer does not trust, typical of TLS inspection.', 'admin', ['Send the details to IT'], ['Exclude the sign-in endpoints from TLS inspection, or deploy the inspecting authority\'s root certificate'], network()],
  ['80090326', 'SEC_E_ILLEGAL_MESSAGE', 'The TLS handshake received a message it could not accept (for example an unsupported version or cipher, or a proxy in the way).', 'admin', ['Try again from another network'], ['Check the TLS settings of the device and any TLS inspection of the sign-in endpoints'], network()],
  ['80090327', 'SEC_E_CERT_UNKNOWN', 'An unknown error occurred while processing a certificate.', 'admin', ['Send the details to IT'], ['Check the certificates involved (smart card, device or server) and their chains'], { relatedChecks: ['cac', 'network'] }],
  ['80090328', 'SEC_E_CERT_EXPIRED', 'A certificate is expired, or the computer clock makes it look expired.', 'both', ['Check that the date, time and time zone of your computer are correct'], ['Check which certificate expired (server, device or smart card) and renew it'], { relatedChecks: ['clock', 'cac'], relatedFixes: ['clock.resync'] }],
  ['80280036', 'TPM_E_NOTFIPS', 'The TPM is in FIPS mode, which device registration does not support.', 'admin', ['Send the details to IT'], ['Disable the TPM for registration on this device; recent Windows versions fall back to software keys by themselves'], device()],
  ['80290407', 'TPM_E_PCP_INTERNAL_ERROR', 'A generic TPM error in the platform crypto provider.', 'admin', ['Restart the computer and try again'], [TPM_ADMIN, 'Recent Windows versions detect a failing TPM and register without it'], device()],
  // ---- Device registration (0x801Cxxxx, DSREG_*) ----
  ['801C0002', 'DSREG_E_DEVICE_AUTHENTICATION_ERROR', 'The device registration service refused the device\'s authentication.', 'admin', ['Send the details to IT'], ['Read the server error code of the registration attempt', DSREG_LOG], device()],
  ['801C0003', 'DSREG_E_DEVICE_AUTHORIZATION_ERROR', 'This user may not join or register more devices: the device limit is reached, device joining is not allowed for them, or the Windows edition cannot join.', 'admin', ['Send the details to IT; removing one of your old devices may help if you have reached a limit'], ['Check the "Users may join devices" setting and the maximum number of devices per user in Entra ID, and the Intune device limit restriction'], device()],
  ['801C0006', 'DSREG_E_DEVICE_INTERNALSERVICE_ERROR', 'The device registration service had an internal error.', 'admin', [RETRY_LATER], ['Read the server error code of the registration attempt', DSREG_LOG], device()],
  ['801C001D', 'DSREG_AUTOJOIN_ADCONFIG_READ_FAILED', 'Hybrid join could not read its configuration from Active Directory (the service connection point with the tenant), or could not read the computer object.', 'admin', ['Send the details to IT'], ['Configure the service connection point (SCP) for the tenant, or the targeted-deployment registry keys', 'Check Active Directory replication of the computer object'], device()],
  ['801C001F', 'DSREG_AUTOJOIN_DISC_WAIT_TIMEOUT', 'Device registration timed out while looking up the registration service.', 'admin', ['Check your connection, then restart the computer'], ['Make sure enterpriseregistration.windows.net is reachable in the system context (proxy included)'], network({ relatedChecks: ['network', 'device'] })],
  ['801C0021', 'DSREG_AUTOJOIN_DISC_FAILED', 'Device registration could not get the registration service\'s discovery data. The suberror (often a network code) says why.', 'admin', ['Send the details to IT'], ['Look up the suberror next to it (for example 0x80072EE2, a network timeout)', NETWORK_ADMIN], { relatedChecks: ['network', 'device'] }],
  ['801C0025', 'DSREG_SERVER_BUSY', 'The device registration service was busy (HTTP 503).', 'user', ['Wait a while: the next attempt usually succeeds'], ['Check the Microsoft 365 service health dashboard'], device()],
  ['801C003A', 'DSREG_DISCOVERY_TENANT_NOT_FOUND', 'The tenant named in the device\'s registration settings was not found, or has no active subscription.', 'admin', ['Send the details to IT'], ['Check the tenant ID in the service connection point (SCP) and the tenant\'s subscriptions'], device()],
  ['801C003D', 'DSREG_AUTOJOIN_USERREALM_DISCOVERY_FAILED', 'Device registration could not tell whether the domain is managed or federated. The suberror says why.', 'admin', ['Send the details to IT'], ['Make sure login.microsoftonline.com is reachable in the system context', 'Look up the suberror next to it'], { relatedChecks: ['network', 'device'] }],
  ['801C03F2', 'DSREG_E_DIRECTORY_FAILURE', 'The registration service answered with a directory error, for example the device object was not found in Entra ID (not synced yet, or deleted).', 'admin', ['Send the details to IT; if the device was just joined, wait for the next sync'], ['Check that the computer object is in the Entra Connect sync scope and has synced', 'Read the server error message of the registration attempt', DSREG_LOG], device()],
  // ---- MDM / Intune enrollment (0x8018xxxx, MENROLL_*) ----
  ['80180002', 'MENROLL_E_DEVICE_AUTHENTICATION_ERROR', 'The device management (MDM) server could not authenticate the user.', 'both', ['Sign in again with your work account'], [MDM_LOG], device()],
  ['80180003', 'MENROLL_E_DEVICE_AUTHORIZATION_ERROR', 'The user is not allowed to enroll this device in device management (limit reached, no permission, or a restriction).', 'admin', ['Send the details to IT; removing one of your old devices may help if you have reached a limit'], ['Check the Intune device limit and enrollment restrictions, and that the user is in the MDM user scope'], device()],
  ['80180005', 'MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR', 'The device management server failed (for example a database error).', 'admin', [RETRY_LATER], ['Check the Intune service health'], device()],
  ['8018000A', 'MENROLL_E_DEVICE_ALREADY_ENROLLED', 'The device is already enrolled, possibly by another account or another management service.', 'admin', ['Check Settings > Accounts > Access work or school for another work account'], ['Remove the old enrollment before enrolling again'], device()],
  ['80180010', 'MENROLL_E_CONNECTIVITY', 'A network error (DNS or a timeout) stopped the enrollment.', 'both', ['Check your connection and VPN, then try again'], ['Make sure the Intune enrollment endpoints are reachable through the proxy'], { relatedChecks: ['network', 'device'] }],
  ['80180013', 'MENROLL_E_DEVICECAPREACHED', 'The user has already enrolled as many devices as allowed.', 'user', ['Remove an old device in the Company Portal, then try again'], ['Or raise the device limit restriction in Intune'], device()],
  ['80180014', 'MENROLL_E_DEVICENOTSUPPORTED', 'This platform or Windows version may not enroll: the enrollment restrictions block it (for example personal devices or this OS version), or it is too old.', 'admin', ['Send the details to IT'], ['Check the Intune enrollment restrictions (platform, OS version, personally owned devices) for this user', 'Upgrade the device if its version is below the minimum'], device()],
  ['80180015', 'MENROLL_E_NOTSUPPORTED', 'Device management is not supported for this device.', 'admin', ['Send the details to IT'], ['Check the Windows edition (Home cannot enroll) and the enrollment restrictions'], device()],
  ['80180016', 'MENROLL_E_NOTELIGIBLETORENEW', 'The server refused to renew the device\'s management certificate; a wrong computer clock can cause it.', 'both', ['Check that the date, time and time zone of your computer are correct', 'Re-enroll through Settings > Accounts > Access work or school if it continues'], ['Check the device\'s enrollment and its certificate in Intune'], { relatedChecks: ['clock', 'device'], relatedFixes: ['clock.resync'] }],
  ['80180017', 'MENROLL_E_INMAINTENANCE', 'The management account is in maintenance.', 'user', ['Try again later'], ['Check the Intune service health']],
  ['80180018', 'MENROLL_E_USERLICENSE', 'The user\'s license does not allow enrollment (missing or in a bad state).', 'admin', ['Send the details to IT'], ['Assign an Intune license to the user and check the MDM user scope'], device()],
  ['80180019', 'MENROLL_E_ENROLLMENTDATAINVALID', 'The server rejected the enrollment data; the server side may not be configured correctly.', 'admin', ['Send the details to IT'], [MDM_LOG], device()],
  ['80180026', 'MENROLL_E_DEVICE_MANAGEMENT_BLOCKED', 'Device management enrollment is blocked on this device, for example by the "Disable MDM enrollment" policy or because another management agent (the old Intune PC client) manages it.', 'admin', ['Send the details to IT'], ['Check the MDM group policies and remove the legacy Intune PC agent before enrolling'], device()],
  ['80180031', 'MENROLL_E_MDM_NOT_CONFIGURED', 'Device management (MDM) is not configured for this tenant or user.', 'admin', ['Send the details to IT'], ['Configure automatic MDM enrollment (MDM user scope) for the user'], device()],
];

export const HRESULT_CATALOG: CatalogEntry[] = defineEntries(
  'hresult',
  rows.map(([code, name, meaning, fixer, userActions, adminActions, extra]) => ({ code, name, meaning, fixer, userActions, adminActions, ...extra })),
);

const range = (code: string, e: Omit<EntryInput, 'code'>): CatalogEntry => ({ ...defineEntries('hresult', [{ ...e, code }])[0]!, rangeOnly: true });

/** Family fallbacks for codes not in the table, keyed by what findHresultRange looks at. */
export const HRESULT_RANGES = {
  network: range('80072EE0', {
    name: 'WinINet / WinHTTP network error (0x80072EE0-0x80072FFF)',
    meaning: 'A network error while Windows talked to a web server (the sign-in service, the registration service or a proxy): a timeout, name resolution, the connection or TLS.',
    fixer: 'both',
    userActions: ['Check your connection and VPN, then try again'],
    adminActions: [NETWORK_ADMIN],
    relatedChecks: ['network'],
  }),
  win32: range('8007', {
    name: 'Windows (Win32) error',
    meaning: 'A Windows (Win32) error passed on as an HRESULT; its number is the last four hex digits.',
    fixer: 'both',
    userActions: ['Restart the app and try again; if it returns, send the details to IT'],
    adminActions: ['Look the Win32 error number up (certutil -error CODE or net helpmsg NUMBER) and read the message around it'],
  }),
  security: range('8009', {
    name: 'Windows security / cryptography error (0x8009xxxx)',
    meaning: 'An error of the Windows security or cryptography layer (keys, certificates, TLS, Kerberos or the TPM behind them).',
    fixer: 'admin',
    userActions: ['Restart the computer and try again'],
    adminActions: ['Look the code up (certutil -error CODE) and check the certificates, keys and TPM involved'],
    relatedChecks: ['device', 'network'],
  }),
  tpm: range('8028', {
    name: 'TPM error (0x8028xxxx / 0x8029xxxx)',
    meaning: 'An error of the Trusted Platform Module (TPM), which holds the device\'s and the token broker\'s keys.',
    fixer: 'admin',
    userActions: ['Restart the computer and try again'],
    adminActions: [TPM_ADMIN],
    relatedChecks: ['device'],
  }),
  dsreg: range('801C', {
    name: 'Device registration error (0x801Cxxxx)',
    meaning: 'Registering or joining this device with Entra ID failed.',
    fixer: 'admin',
    userActions: ['Send the details to IT'],
    adminActions: [DSREG_LOG],
    relatedChecks: ['device'],
  }),
  mdm: range('8018', {
    name: 'Device management enrollment error (0x8018xxxx)',
    meaning: 'Enrolling this device in device management (Intune or another MDM) failed.',
    fixer: 'admin',
    userActions: ['Send the details to IT'],
    adminActions: [MDM_LOG],
    relatedChecks: ['device'],
  }),
} satisfies Record<string, CatalogEntry>;

/** The family range of a canonical 8-hex-digit HRESULT, or undefined. 0x8007xxxx carries its Win32 number. */
export function findHresultRange(code: string): CatalogEntry | undefined {
  if (!/^8[0-9A-F]{7}$/.test(code)) return undefined;
  const low = parseInt(code.slice(4), 16);
  if (code.startsWith('8007')) {
    if (low >= 0x2ee0 && low <= 0x2fff) return HRESULT_RANGES.network;
    return { ...HRESULT_RANGES.win32, name: `Windows (Win32) error ${low} (0x8007xxxx)`, meaning: `A Windows (Win32) error, number ${low}, passed on as an HRESULT. We do not list what this number means.` };
  }
  if (code.startsWith('8009')) return HRESULT_RANGES.security;
  if (code.startsWith('8028') || code.startsWith('8029')) return HRESULT_RANGES.tpm;
  if (code.startsWith('801C')) return HRESULT_RANGES.dsreg;
  if (code.startsWith('8018')) return HRESULT_RANGES.mdm;
  return undefined;
}

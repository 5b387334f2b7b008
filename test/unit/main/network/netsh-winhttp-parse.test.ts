// `netsh winhttp show proxy` in any language: a bypass list shown as a localized "(none)" in
// parentheses is empty; a real list is kept. Outputs written here in netsh's layout.
import { describe, expect, it } from 'vitest';
import { parseNetshWinHttp } from '../../../../src/main/network/netsh-winhttp-parse';

const output = (header: string, serverLabel: string, bypassLabel: string, bypass: string) =>
  `\r\n${header}:\r\n\r\n    ${serverLabel} :  proxy.contoso.example:8080\r\n    ${bypassLabel} :  ${bypass}\r\n\r\n`;

describe('netsh winhttp show proxy, bypass list', () => {
  it.each([
    ['English', 'Current WinHTTP proxy settings', 'Proxy Server(s)', 'Bypass List', '(none)'],
    ['German', 'Aktuelle WinHTTP-Proxyeinstellungen', 'Proxyserver', 'Umgehungsliste', '(keine)'],
    ['French', 'Paramètres actuels du proxy WinHTTP', 'Serveur(s) proxy', 'Liste de contournement', '(aucun)'],
    ['Spanish', 'Configuración actual de proxy de WinHTTP', 'Servidores proxy', 'Lista de omisiones', '(ninguno)'],
    ['Italian', 'Impostazioni proxy WinHTTP correnti', 'Server proxy', 'Elenco di esclusione', '(nessuno)'],
    ['Dutch', 'Huidige WinHTTP-proxyinstellingen', 'Proxyserver(s)', 'Lijst met uitzonderingen', '(geen)'],
    ['Japanese', '現在の WinHTTP プロキシ設定', 'プロキシ サーバー', 'バイパス一覧', '(なし)'],
  ])('%s "(none)" is an empty list', (_lang, header, server, bypassLabel, none) => {
    expect(parseNetshWinHttp(output(header, server, bypassLabel, none))).toEqual({ direct: false, proxyServer: 'proxy.contoso.example:8080' });
  });

  it('a real list is kept, even a single host or <local> alone', () => {
    for (const list of ['*.contoso.example;<local>', '<local>', 'intranet.contoso.example', '(10.*)']) {
      const parsed = parseNetshWinHttp(output('Current WinHTTP proxy settings', 'Proxy Server(s)', 'Bypass List', list));
      expect(parsed?.bypass, list).toBe(list);
    }
  });
});

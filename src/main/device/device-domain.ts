// The device domain in the one list (src/main/domains.ts): its commands' metadata; the rest loads on first use.
import type { DomainEntry } from '../engine/types';

export const deviceDomain: DomainEntry = {
  domain: 'device',
  checks: true,
  commands: [
    {
      name: 'device',
      summary: 'What a Conditional Access policy sees of this device (registration, PRT, OS)',
      usage: ['device'],
      flags: {},
    },
    {
      name: 'token',
      summary: 'Decode a pasted access token offline (from standard input; never stored)',
      usage: ['token [--need-scope SCOPE]... [--audience graph|teams] [--offset-ms N | --measure-clock]   < token.txt'],
      flags: {
        'need-scope': { value: true, repeat: true, help: 'a scope the token must carry (repeat for more)' },
        audience: { value: true, help: 'the API the token is for: graph or teams' },
        'offset-ms': { value: true, help: 'clock correction in ms (true time = local + N), from `signin-doctor clock`' },
        'measure-clock': { value: false, help: 'measure the clock now and judge the times against the corrected clock' },
      },
    },
  ],
  load: () => import('./index').then((m) => m.deviceModule),
};

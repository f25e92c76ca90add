// Which installers `npm run dist` signs and notarizes, read from environment variables only, so that
// no secret is ever in the repository. electron-builder reads the same variables itself; this adds
// what it does not do: signing is off, visibly, when they are absent (no keychain guessing on macOS),
// and a half-set group of variables stops the build with a sentence instead of an unsigned surprise.
//
//   Windows:  WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD  (or CSC_LINK + CSC_KEY_PASSWORD): a .pfx certificate
//   macOS:    CSC_LINK + CSC_KEY_PASSWORD (a Developer ID .p12), or CSC_NAME (an identity in the keychain)
//   notarize: APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER (an App Store Connect API key),
//             or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID

const set = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/** All of a group, or none of it: a partial group is a mistake worth stopping for. */
function group(env, label, names, problems) {
  const missing = names.filter((name) => !set(env, name));
  if (missing.length > 0 && missing.length < names.length) problems.push(`${label} needs ${missing.join(' and ')} as well.`);
  return missing.length === 0;
}

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ windows: boolean, mac: boolean, notarize: boolean, problems: string[], args: string[], env: Record<string, string> }}
 */
export function signingPlan(env) {
  const problems = [];
  const sharedCert = group(env, 'CSC_LINK', ['CSC_LINK', 'CSC_KEY_PASSWORD'], problems);
  const windowsCert = group(env, 'WIN_CSC_LINK', ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'], problems);
  const windows = windowsCert || sharedCert;
  const mac = sharedCert || set(env, 'CSC_NAME');
  const apiKey = group(env, 'Notarizing with an API key', ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'], problems);
  const appleId = group(env, 'Notarizing with an Apple ID', ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'], problems);
  const notarize = apiKey || appleId;
  if (notarize && !mac) problems.push('Notarizing needs a signed macOS app: set CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME.');

  const args = [];
  const extraEnv = {};
  if (!mac) {
    args.push('-c.mac.identity=null'); // not even a certificate that happens to be in the keychain
    extraEnv.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  }
  if (!notarize) args.push('-c.mac.notarize=false');
  return { windows, mac, notarize, problems, args, env: extraEnv };
}

export const describePlan = (plan) =>
  `Code signing: Windows ${plan.windows ? 'on' : 'off'}, macOS ${plan.mac ? 'on' : 'off'}, notarization ${plan.notarize ? 'on' : 'off'} ` +
  '(set by environment variables; see README, "Code signing").';

// Turns the raw errors a misconfigured child shows (TLS, ECONNREFUSED, ENOTFOUND, credential chain
// failures) into one sentence naming the environment variable that is wrong and how to fix it.

export interface CloudEnvHint {
  /** The environment variable at fault. */
  variable: string;
  message: string;
}

const FIX = "Run it through azlab (npm test in the lab) or export the lines `azlab emulators` prints before starting node.";

/**
 * `errorText` is what the child printed; `env` is the env it was given (to name the ports in it).
 * Returns undefined when the text shows none of the known symptoms.
 */
export function explainCloudEnvProblem(errorText: string, env: Record<string, string | undefined> = {}): CloudEnvHint | undefined {
  const portOf = (value: string | undefined): string | undefined => (value ? /:(\d+)/.exec(value.replace(/^https?:\/\//, ""))?.[1] : undefined);
  const refused = /ECONNREFUSED (?:127\.0\.0\.1|::1|localhost):(\d+)/.exec(errorText)?.[1];

  if (/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|unable to verify the first certificate|self[- ]signed certificate/i.test(errorText)) {
    return {
      variable: "NODE_EXTRA_CA_CERTS",
      message:
        "The program does not trust azlab's local certificate authority, so HTTPS to *.vault.azure.net / *.blob.core.windows.net failed. " +
        `Set NODE_EXTRA_CA_CERTS=${env.NODE_EXTRA_CA_CERTS ?? "<repo>/.azlab/ca/ca.pem"} before node starts: Node reads it only at start-up, so setting process.env inside the program is too late. ${FIX}`,
    };
  }
  if (refused && refused === portOf(env.HTTPS_PROXY)) {
    return {
      variable: "HTTPS_PROXY",
      message: `HTTPS_PROXY points at ${env.HTTPS_PROXY}, where no proxy is listening: the emulators were stopped or the env is from an older run. ${FIX}`,
    };
  }
  if (refused && refused === portOf(env.IDENTITY_ENDPOINT)) {
    return {
      variable: "IDENTITY_ENDPOINT",
      message: `IDENTITY_ENDPOINT points at ${env.IDENTITY_ENDPOINT}, where no token service is listening: the emulators were stopped or the env is from an older run. ${FIX}`,
    };
  }
  if (/X-IDENTITY-HEADER|IDENTITY_HEADER/.test(errorText) && /Authentication failed/i.test(errorText)) {
    return {
      variable: "IDENTITY_HEADER",
      message: `The token service refused IDENTITY_HEADER: it must be the value printed with this run's IDENTITY_ENDPOINT. ${FIX}`,
    };
  }
  if (/ManagedIdentityCredential/.test(errorText) && /Network unreachable|ETIMEDOUT|timed out/i.test(errorText)) {
    return {
      variable: "NO_PROXY",
      message: "The managed identity token request went through the proxy and got lost. Set NO_PROXY=127.0.0.1,localhost so the call to IDENTITY_ENDPOINT goes direct.",
    };
  }
  if (/(ManagedIdentityCredential|DefaultAzureCredential)[\s\S]*(unavailable|No managed identity endpoint found)/i.test(errorText) && !env.IDENTITY_ENDPOINT) {
    return {
      variable: "IDENTITY_ENDPOINT",
      message: `DefaultAzureCredential found no managed identity: IDENTITY_ENDPOINT and IDENTITY_HEADER are not set. ${FIX}`,
    };
  }
  const unresolved = /(?:ENOTFOUND|EAI_AGAIN) ([a-z0-9-]+\.(?:vault\.azure\.net|blob\.core\.windows\.net|queue\.core\.windows\.net))/i.exec(errorText)?.[1];
  if (unresolved) {
    return {
      variable: "HTTPS_PROXY",
      message: `${unresolved} was looked up on the real internet: HTTPS_PROXY is not set, so the request did not go to azlab's emulators. ${FIX}`,
    };
  }
  if (/challenge resource '[^']*' does not match the requested domain/i.test(errorText)) {
    return {
      variable: "HTTPS_PROXY",
      message: "The vault URL is not a *.vault.azure.net address. Write https://<vault>.vault.azure.net as in production and let HTTPS_PROXY route it to the emulator.",
    };
  }
  return undefined;
}

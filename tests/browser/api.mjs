// Calling the API from tests, for setting up what a browser test starts from.

const PASSWORD = 'kinerja2026';

/** Calls the API at `base` as the holder of `token`; throws with the answer when it is not 2xx. */
export async function callApi(base, token, method, path, body) {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The access token of a demo user. */
export async function loginToken(base, username) {
  const { access_token } = await callApi(base, null, 'POST', '/auth/login', { username, password: PASSWORD });
  return access_token;
}

// The message extension's two invokes as plain functions over our own
// types: a search typed in the compose box (composeExtension/query) and a
// pasted link to the tab (composeExtension/queryLink). bot.ts routes them.
// Nothing here fails for want of storage: without the asker's role, a
// search is answered as for someone whose role is not known.
import type { RoleId } from '../../data/charter';
import type { Logger } from '../log';
import type { Person } from '../state/person';
import type { UserProfiles } from '../state/user-profiles';
import { linkAttachment, resultAttachment, type Links, type ResultAttachment } from './cards';
import { findStatements, MAX_RESULTS } from './find';
import { extensionErrors, extensionLanguage, extensionStrings } from './strings';
import { viewOfLink } from './tab-link';

/** The manifest's search command and its one parameter. */
export const SEARCH_COMMAND = 'searchCharter';
export const QUERY_PARAMETER = 'searchQuery';

export type ExtensionResult =
  { type: 'result'; attachmentLayout: 'list'; attachments: ResultAttachment[] } | { type: 'message'; text: string };

export interface InvokeError {
  statusCode: 400 | 404;
  type: 'application/vnd.microsoft.error';
  value: { code: 'BadRequest' | 'NotFound'; message: string };
}

/** An invoke response: Teams reads the status and body of the HTTP answer. */
export type ExtensionResponse = { status: 200; body: { composeExtension: ExtensionResult } } | { status: 400 | 404; body: InvokeError };

export interface QueryIn {
  commandId: string;
  parameters: { name: string; value?: string }[];
  queryOptions?: { skip?: number; count?: number };
  locale?: string;
  user: Person;
}

export interface ExtensionDeps {
  profiles: Pick<UserProfiles, 'get'>;
  links: Links;
  log: Logger;
}

const ok = (composeExtension: ExtensionResult): ExtensionResponse => ({ status: 200, body: { composeExtension } });
const refuse = (statusCode: 400 | 404, message: string): ExtensionResponse => ({
  status: statusCode,
  body: { statusCode, type: 'application/vnd.microsoft.error', value: { code: statusCode === 400 ? 'BadRequest' : 'NotFound', message } },
});

/** The asker's stored role, or none when it is not known or storage does not answer. */
async function roleOf(user: Person, deps: ExtensionDeps): Promise<RoleId | undefined> {
  try {
    return (await deps.profiles.get(user)).role;
  } catch (err) {
    deps.log.warn('profile_unavailable', { error: (err as Error)?.name, where: 'extension' });
    return undefined;
  }
}

/** A search: statements best first; nothing typed (Teams' initial run) gives the asker's own, or starting points. */
export async function answerQuery(q: QueryIn, deps: ExtensionDeps): Promise<ExtensionResponse> {
  if (q.commandId !== SEARCH_COMMAND) return refuse(400, extensionErrors.unknownCommand(q.commandId));
  const text = q.parameters.find((p) => p.name === QUERY_PARAMETER)?.value ?? '';
  const language = extensionLanguage(q.locale);
  const found = findStatements(text, { role: await roleOf(q.user, deps), locale: q.locale });
  if (!found.length) return ok({ type: 'message', text: extensionStrings(language).noResults(text.trim().slice(0, 100)) });
  const skip = q.queryOptions?.skip ?? 0;
  const page = found.slice(skip, skip + (q.queryOptions?.count || MAX_RESULTS));
  return ok({ type: 'result', attachmentLayout: 'list', attachments: page.map((f) => resultAttachment(f, language, deps.links)) });
}

/** A pasted link to the tab unfolds into its cell's or perspective's card; any other link is not ours to unfold. */
export function answerLink(url: string, locale: string | undefined, links: Links): ExtensionResponse {
  const view = viewOfLink(url, links.tabUrl);
  const attachment = view && linkAttachment(view, extensionLanguage(locale), links);
  if (!attachment) return refuse(404, extensionErrors.notTabLink);
  return ok({ type: 'result', attachmentLayout: 'list', attachments: [attachment] });
}

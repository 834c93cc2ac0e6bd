/** An author as pages show them: the settings' data with their page's href and their avatar as the prepare step made it. */
import { authorPageHref, siteAuthors, withBasePath } from '../config/site';
import { avatarPicture } from '../images/avatars';
import type { LoadedSite } from './site-data';
import type { AuthorProps } from './types';

/** The author `id` of the site, with the avatar the prepared site `avatars` holds for them. */
export function authorProps(id: string, avatars: LoadedSite['avatars']): AuthorProps {
  const author = siteAuthors.find((candidate) => candidate.id === id);
  if (!author) throw new Error(`No author of the site has the id "${id}"`);
  const avatar = avatars[id];
  return { id, name: author.name, bio: author.bio, url: authorPageHref(id), avatar: avatar ? avatarPicture(avatar, withBasePath) : null, links: author.links };
}

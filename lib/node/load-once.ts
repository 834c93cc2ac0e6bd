/**
 * A module loaded on first use and then kept. A dynamic `import()` of a module already loaded
 * is not free under tsx: each call is resolved again through its loader hooks, in another
 * thread. A build worker that imported the compiler and the image code once per post spent
 * about 3 s of CPU on it over 1000 posts.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

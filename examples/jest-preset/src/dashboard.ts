import { getJson, type Http } from "./http";
import { TimeoutError, withTimeout } from "./timeout";

export interface User {
  id: number;
  name: string;
}
export interface Post {
  title: string;
}
export interface Dashboard {
  user: User;
  posts: Post[];
}

/** The user, and their posts if they come within a second: a slow posts service leaves them out. */
export async function loadDashboard(http: Http, userId: number): Promise<Dashboard> {
  const user = await getJson<User>(http, `/users/${userId}`);
  try {
    return { user, posts: await withTimeout(getJson<Post[]>(http, `/users/${userId}/posts`), 1000) };
  } catch (error) {
    if (error instanceof TimeoutError) return { user, posts: [] };
    throw error;
  }
}

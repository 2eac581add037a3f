import { getClientAddress } from "./client-address";
import { getViewer, type Viewer } from "./session";

/** Who acts in a server action, and from where (the client address for the audit row). */
export interface RequestActor {
  viewer: Viewer | null;
  clientAddress: string | null;
}

/** For server actions: the viewer and the client address of the request being handled, to pass into a use case. */
export async function getRequestActor(): Promise<RequestActor> {
  return { viewer: await getViewer(), clientAddress: await getClientAddress() };
}

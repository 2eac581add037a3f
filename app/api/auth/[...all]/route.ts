import { getAuth } from "@/lib/auth/auth";

// better-auth's HTTP endpoints; the policy plugin answers 404 for all but sign-in, sign-out and session.
function handle(request: Request): Promise<Response> {
  return getAuth().handler(request);
}

export { handle as GET, handle as POST };

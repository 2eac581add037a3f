/**
 * 退出登录: a plain form posting to /logout (app/logout/route.ts), which ends the session on the
 * server and answers with `Clear-Site-Data`; works without JavaScript.
 */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action="/logout" method="post">
      <button
        type="submit"
        className={
          className ??
          "rounded border border-slate-500 px-3 py-1.5 font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-800"
        }
      >
        退出登录
      </button>
    </form>
  );
}

import { renderSitePage } from "./site-page";

/** A page that says, in Chinese, why there is nothing to show. */
export function renderMessagePage(model: { title: string; message: string }): string {
  return renderSitePage({
    title: model.title,
    body: (
      <>
        <h1 className="ps-title">{model.title}</h1>
        <p className="ps-message" role="alert">
          {model.message}
        </p>
        <p>
          <a href="/search">搜索已公开预算</a> · <a href="/">返回首页</a>
        </p>
      </>
    ),
  });
}

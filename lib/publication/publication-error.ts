/** Why a publication was refused; the message is for the publisher, in Chinese. */
export type PublicationErrorCode =
  /** no budget for that unit and year */
  | "NOT_FOUND"
  /** the newest version is not approved (批复) or signed off (审签) */
  | "NOT_PUBLISHABLE"
  /** the newest version is already published */
  | "ALREADY_PUBLISHED"
  /** a correction whose previous version is unpublished, or without its 更正说明 */
  | "INVALID_CORRECTION"
  /** the budget or the previous snapshot changed while this publication was prepared */
  | "CONFLICT"
  /** a renderer produced something that cannot be published */
  | "RENDER_FAILED";

export class PublicationError extends Error {
  override name = "PublicationError";

  constructor(
    readonly code: PublicationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

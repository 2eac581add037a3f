/**
 * The fixed parts of the Word package written by lib/export/docx.ts (content types, relationships,
 * styles, the page-number footer, the properties), as WordprocessingML text.
 */

export const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text for XML content and attributes; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export const CONTENT_TYPES_XML =
  HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  "</Types>";

export const PACKAGE_RELS_XML =
  HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  "</Relationships>";

export const DOCUMENT_RELS_XML =
  HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  "</Relationships>";

const DOCUMENT_FONTS = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/>';

/** 宋体 10.5 pt (五号) as the document default; the body's runs set their own sizes. */
export const STYLES_XML =
  HEAD +
  `<w:styles ${W_NS}>` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${DOCUMENT_FONTS}<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
  '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  "</w:styles>";

const FOOTER_RUN_PROPS = `<w:rPr>${DOCUMENT_FONTS}<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>`;
const field = (instruction: string) =>
  `<w:r>${FOOTER_RUN_PROPS}<w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r>${FOOTER_RUN_PROPS}<w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
  `<w:r>${FOOTER_RUN_PROPS}<w:fldChar w:fldCharType="separate"/></w:r>` +
  `<w:r>${FOOTER_RUN_PROPS}<w:t>1</w:t></w:r>` +
  `<w:r>${FOOTER_RUN_PROPS}<w:fldChar w:fldCharType="end"/></w:r>`;

/** "n / N", centred: the current page and the number of pages as Word fields. */
export const FOOTER_XML =
  HEAD +
  `<w:ftr ${W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  `${field("PAGE")}<w:r>${FOOTER_RUN_PROPS}<w:t xml:space="preserve"> / </w:t></w:r>${field("NUMPAGES")}` +
  "</w:p></w:ftr>";

export const APP_XML =
  HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>预算公开平台</Application></Properties>';

/** The document's title, author and description, dated with the publication (not the clock). */
export function coreXml(properties: { title: string; description: string; date: Date }): string {
  const date = properties.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(properties.title)}</dc:title><dc:creator>预算公开平台</dc:creator><cp:lastModifiedBy>预算公开平台</cp:lastModifiedBy>` +
    `<dc:description>${escapeXml(properties.description)}</dc:description>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

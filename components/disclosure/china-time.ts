/** The Beijing-time formats live in lib/disclosure so the PDF and Word renderers print the same dates. */
export { formatChinaDate, formatChinaDateTime } from "@/lib/disclosure/china-time";

/** Options every source adapter takes. */
export interface SourceOptions {
  /** BCP 47 language of the text; drives sentence segmentation. Default: what the source says, else `en`. */
  language?: string;
  /** Where the bytes came from (a URL or file name), for messages and derived metadata. */
  origin?: string;
}

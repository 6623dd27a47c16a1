/**
 * A person's confirmed or corrected classification of one achievement or demand: stored as training data
 * by the caller, passed back to learn() / loadClassifier(). Any of the labels may be absent.
 */
export type Correction = {
  text: string
  category?: string
  discipline?: string
  /** For industry corrections: the jurisdiction whose industry system the codes belong to. */
  jurisdiction?: string
  industryCodes?: string[]
}

/** A labelled table: row-major features and integer class labels. */
export interface LabelledTable {
  rows: number;
  features: number;
  classes: number;
  featureNames: string[];
  classNames: string[];
  /** rows x features, row-major. */
  x: Float64Array;
  y: Int32Array;
}

/** Train and test rows after splitting and scaling, as float32 (what the model sees). */
export interface PreparedData {
  features: number;
  classes: number;
  trainX: Float32Array;
  trainY: Int32Array;
  testX: Float32Array;
  testY: Int32Array;
  /** Original row indices of the train and test rows, for provenance and tests. */
  trainRows: Int32Array;
  testRows: Int32Array;
}

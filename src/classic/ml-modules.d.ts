// ml-knn ships without type declarations; this covers what we use.
declare module 'ml-knn' {
  export default class KNN {
    constructor(dataset: number[][], labels: number[], options?: { k?: number });
    predict(rows: number[][]): number[];
  }
}

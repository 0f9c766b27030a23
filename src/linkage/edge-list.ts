/** Scored pairs of record indices in growable typed arrays: millions of them without millions of objects. */
export class EdgeList {
  private left: Int32Array<ArrayBufferLike> = new Int32Array(1024);
  private right: Int32Array<ArrayBufferLike> = new Int32Array(1024);
  private weights: Float64Array<ArrayBufferLike> = new Float64Array(1024);
  length = 0;

  push(i: number, j: number, weight: number): void {
    if (this.length === this.left.length) this.grow();
    this.left[this.length] = i;
    this.right[this.length] = j;
    this.weights[this.length] = weight;
    this.length++;
  }

  i(edge: number): number {
    return this.left[edge];
  }

  j(edge: number): number {
    return this.right[edge];
  }

  weight(edge: number): number {
    return this.weights[edge];
  }

  /** Edge numbers, strongest first. */
  byWeightDescending(): Uint32Array {
    const order = new Uint32Array(this.length);
    for (let e = 0; e < this.length; e++) order[e] = e;
    const weights = this.weights;
    return order.sort((x, y) => weights[y] - weights[x]);
  }

  /** The edges as three typed arrays of exactly their length, to hand to another thread. */
  toArrays(): { left: Int32Array; right: Int32Array; weights: Float64Array } {
    return { left: this.left.slice(0, this.length), right: this.right.slice(0, this.length), weights: this.weights.slice(0, this.length) };
  }

  static fromArrays(arrays: { left: Int32Array; right: Int32Array; weights: Float64Array }): EdgeList {
    const edges = new EdgeList();
    edges.left = arrays.left;
    edges.right = arrays.right;
    edges.weights = arrays.weights;
    edges.length = arrays.left.length;
    return edges;
  }

  append(other: EdgeList): void {
    for (let e = 0; e < other.length; e++) this.push(other.i(e), other.j(e), other.weight(e));
  }

  private grow(): void {
    const size = Math.max(this.left.length * 2, 1024);
    const left = new Int32Array(size),
      right = new Int32Array(size),
      weights = new Float64Array(size);
    left.set(this.left);
    right.set(this.right);
    weights.set(this.weights);
    [this.left, this.right, this.weights] = [left, right, weights];
  }
}

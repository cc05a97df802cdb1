/** The small part of jstat 1.9 that Tandem uses: the Student t distribution (SPEC §6 trend). */
declare module 'jstat' {
  interface StudentT {
    /** P(T ≤ x) with `dof` degrees of freedom. */
    cdf(x: number, dof: number): number;
    /** The x with P(T ≤ x) = p. */
    inv(p: number, dof: number): number;
  }
  interface JStat {
    studentt: StudentT;
  }
  const jStat: JStat;
  export default jStat;
}

/** The shape every behavioural task definition shares (declarative data, in the spirit of jsPsych's `static info`). */

/** Evidence grade of a task parameter's value (as for model parameters). */
export type TaskGrade = "established" | "supported" | "contested" | "article";

/** One documented parameter of a task design or of its model. */
export interface TaskParameterInfo {
  readonly name: string;
  readonly symbol?: string;
  readonly meaning: string;
  readonly unit: string;
  /** The value in the standard (published) version. */
  readonly standard: number | string | readonly number[];
  /** Where the value or formula comes from. */
  readonly source: string;
  readonly grade: TaskGrade;
}

/** A version of a task: the published design, or a shorter one for the browser (its differences stated). */
export interface TaskVersionInfo {
  readonly id: string;
  readonly label: string;
  /** How this version departs from the publication; empty for the published design. */
  readonly simplifications: readonly string[];
}

/** Keys the browser task listens to (`KeyboardEvent.key`, lower case). */
export interface TaskKey {
  readonly key: string;
  readonly action: string;
}

/** A task definition: what it measures, its design parameters and model with sources, versions and keys. */
export interface TaskDefinition {
  readonly id: "eefrt" | "prt";
  readonly name: string;
  readonly measures: string;
  readonly citation: string;
  readonly modelCitation: string;
  readonly design: readonly TaskParameterInfo[];
  readonly model: readonly TaskParameterInfo[];
  readonly versions: readonly TaskVersionInfo[];
  readonly keys: readonly TaskKey[];
  /** Stated with every result: what the task can and cannot tell. */
  readonly caveats: readonly string[];
}

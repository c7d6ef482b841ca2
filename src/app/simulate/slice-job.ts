import { type PopulationSlice, type PopulationSpec, simulateSlice } from "../../model/person/index.ts";

/** A unit of parallel work: people [from, to) of one arm. */
export interface SliceJob {
  readonly spec: PopulationSpec;
  readonly from: number;
  readonly to: number;
}

/** Entry point a worker thread calls. */
export default function runSliceJob(job: SliceJob): PopulationSlice {
  return simulateSlice(job.spec, job.from, job.to);
}

/** The person id of the single person on a machine without accounts (`dopamap serve` on loopback, the CLI). */
export const LOCAL_PERSON_ID = "local";

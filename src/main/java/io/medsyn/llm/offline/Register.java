package io.medsyn.llm.offline;

/** How a note voices the complaints, as seen in real outpatient notes. */
enum Register {
  /** "Жалобы на головную боль ..." / "Complains of headache ...": the doctor's standard phrase. */
  COMPLAINTS,
  /** "на головную боль ..." / "c/o headache ...": the same with the lead word left out. */
  ELLIPTIC,
  /** "головная боль, шум в ушах" / "headache, tinnitus": a bare list. */
  LIST,
  /** "- головная боль - шум в ушах": dashed items. */
  DASHES,
  /** "У меня болит голова ..." / "I have headaches ...": the patient's own words. */
  FIRST_PERSON
}

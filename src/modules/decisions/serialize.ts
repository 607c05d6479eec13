// The public JSON shape of a document (API v1).
type DocRow = {
  key: string;
  numberPrinted: string | null;
  numberCanonical: string | null;
  kind: string;
  inForce: boolean;
  issuedOn: Date | null;
  issuer: string | null;
  titleVi: string;
  titleEn: string;
  summaryVi: string | null;
  summaryEn: string | null;
  sourceFile: string;
  relatedKeys: string[];
};

export function decisionToApi(
  d: DocRow,
  counts?: { targets: number; tasks: number; commitments: number; notes: number },
) {
  return {
    key: d.key,
    numberPrinted: d.numberPrinted,
    numberCanonical: d.numberCanonical,
    kind: d.kind,
    inForce: d.inForce,
    issuedOn: d.issuedOn ? d.issuedOn.toISOString().slice(0, 10) : null,
    issuer: d.issuer,
    title: { vi: d.titleVi, en: d.titleEn },
    summary: { vi: d.summaryVi, en: d.summaryEn },
    sourceFile: d.sourceFile,
    related: d.relatedKeys,
    ...(counts ? { counts } : {}),
    links: { self: `/api/v1/decisions/${d.key}`, html: `/vi/decisions/${d.key}` },
  };
}

export type DecisionRef = {
  key: string;
  numberCanonical: string | null;
  numberPrinted: string | null;
  kind: string;
  inForce: boolean;
};
export function decisionRef(d: DecisionRef) {
  return { key: d.key, number: d.numberCanonical ?? d.numberPrinted, kind: d.kind, inForce: d.inForce };
}

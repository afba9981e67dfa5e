using Workshops.Core.Contract;
using Workshops.Growth;

namespace Workshops.Training;

/// <summary>The training records' part of the contract: outside credits, the credit bank, certificates, hour clocks and the 20-year honour.</summary>
public static class TrainingDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Training", "培训 on a teacher's own record: credits earned outside the studios with their source, the credit bank's " +
                                "recognition (学分互认) of credits from other regions, certificates (合格证, 任职资格证, 校长培训证书), the hour " +
                                "clocks (学时) the rule set in effect asks for, and the honour certificate for 累计 20 years as head teacher (seed 003).", 16)],
        [
            new("RecordOutsideCredit", "Record a credit earned outside the studios",
                "The teacher's school or their studio's host records a training credit (学分) earned outside the studios, with its course, " +
                "category, level, hours, day and source: the issuing authority, its programme code and the region it governs (000000: national). " +
                "A credit from an authority covering the teacher's school counts at once; any other waits for the credit bank's decision.",
                ["credit.duplicate"],
                new RecordCredit("2025年厦门市中小学班主任专题培训", CreditCategory.HeadTeacherTraining, TrainingLevel.Municipal, 24m,
                    new DateOnly(2025, 7, 10), "厦门市教育局", "2025-xm-bzr-03", "350200", "厦教培〔2025〕031号")),
            new("RetractOutsideCredit", "Withdraw a credit recorded in error",
                "A credit recorded in error is withdrawn with the reason; it stays in the record's history and stops counting.",
                ["credit.unknown", "credit.retracted"], new RetractCredit("学时证明核对有误，该培训未实际参加。")),
            new("RecogniseOutsideCredit", "Ask the credit bank about an outside credit (学分互认)",
                "A reviewer of the teacher's region asks for a decision on a credit from another region: the recognition rules in effect for " +
                "the teacher's school on the day decide whether it counts, and toward which hour policies. The decision is appended; asking " +
                "again after the rules changed appends the new one, the same answer appends nothing.",
                ["credit.unknown", "credit.retracted", "credit-bank.local"], new DecideCredit(new DateOnly(2025, 9, 1))),
            new("AdoptCreditRecognitionRules", "Adopt a region's credit recognition rules",
                "A reviewer of the region adopts recognition rules (学分互认) from a day, as data: which outside credits each rule matches " +
                "(region, issuers, programmes, lowest level, categories), and whether it recognises them toward hour policies or refuses them. " +
                "Adoptions are added, never replaced; the days before keep the rules they had.",
                [],
                new AdoptCreditRules(
                    [
                        new RecognitionRule("fujian-provincial", true, ["head-teacher-30"], "福建省中小学教师继续教育学分互认办法",
                            FromRegion: "350000", MinLevel: TrainingLevel.Municipal),
                    ],
                    new DateOnly(2025, 9, 1))),
            new("GetCreditRecognitionRules", "Read a region's credit recognition rules",
                "The rules in effect for the region on the day (`on`, today unless given) — its own or those of the region above it — and " +
                "every adoption along the chain."),
            new("GetTeacherCredits", "Read a teacher's outside credits",
                "Each credit up to the day judged, with where it stands in the credit bank for the teacher's school then (本地学分, 已互认, " +
                "不予认定, 待认定, 已撤回). `on` is the day judged; `asOf` reads only what was recorded by the end of that day."),
            new("GetTeacherCertificates", "Read a teacher's certificates",
                "Each certificate with its status on the day judged (有效, 已失效, 已撤销); `asOf` reads only what was recorded by the end of that day."),
            new("GetTeacherClocks", "Read a teacher's hour clocks (学时)",
                "Each hour policy the rule set in effect for the teacher's school names and its region chose, judged on the day with the " +
                "credits that count there and the certificates held: met, due or overdue, with the hours or trainings still needed."),
            new("IssueCertificate", "Record a certificate (证书)",
                "A reviewer of the teacher's region records a certificate issued on passing a training (合格证, 班主任任职资格证, 校长任职资格培训证书) " +
                "with its issuer, day, number and the training it rests on. A second certificate of a kind still valid on the day is refused.",
                ["certificate.held"],
                new IssueCertificate(CertificateKind.HeadTeacherQualification, "厦门市教育局", new DateOnly(2025, 7, 20),
                    "完成2025年厦门市新任班主任规范化培训并考核合格。", "XMBZR-2025-0188")),
            new("WithdrawCertificate", "Withdraw a certificate",
                "A certificate withdrawn from a day (today unless given), with the reason; it stays on the record as 已撤销.",
                ["certificate.unknown", "certificate.withdrawn", "certificate.withdrawn-before-issue"],
                new WithdrawCertificate("培训考核材料不实，撤销该证书。", new DateOnly(2025, 10, 8))),
            new("IssueHeadTeacherHonour", "Issue the 20-year honour certificate (荣誉证书)",
                "seed 003: a reviewer of the teacher's region issues the honour certificate to a teacher with 累计 20 years as head teacher on " +
                "the day (periods summed, gaps excluded). Once per teacher.",
                ["honour.issued", "honour.not-due"], new IssueHonour("厦门市教育局", new DateOnly(2025, 9, 10), "XMRY-2025-0042")),
            new("GetRegionHeadTeacherHonours", "Read a region's 20-year honours",
                "For reviewers and school admins of the region: the teachers whose school on the day lies in the region and who have 累计 20 " +
                "years as head teacher by then — those due and not yet issued, and those issued. `on` is the day judged; `asOf` reads only " +
                "what was recorded by the end of that day."),
            new("GetStudioCertificates", "Read the certificates of a studio's roster (持证上岗)",
                "The studio's host, its school and reviewers of its region see the certificate status of everyone on the roster on the day " +
                "(`on`), with the roster and the records as recorded by the end of `asOf` (now unless given)."),
        ],
        [
            new("credit.duplicate", "The same course from the same issuer and programme on the same day is already recorded on this record.",
                "Nothing to add; withdraw the recorded credit first if it was wrong."),
            new("credit.unknown", "No credit with that id on this teacher's record (404).",
                "Use a credit id from the teacher's credits (GET /api/teachers/{teacherId}/credits)."),
            new("credit.retracted", "The credit was withdrawn; it no longer counts and cannot be withdrawn or decided again.",
                "Record the credit again if it was withdrawn in error."),
            new("credit-bank.local", "The credit comes from an authority covering the teacher's school: it counts without a decision.",
                "Nothing to decide; only credits from other regions go to the credit bank."),
            new("certificate.held", "A certificate of that kind, valid on that day, is already on the record.",
                "Nothing to add while it is valid; withdraw it first if it was recorded in error."),
            new("certificate.unknown", "No certificate with that id on this teacher's record (404).",
                "Use a certificate id from the teacher's certificates (GET /api/teachers/{teacherId}/certificates)."),
            new("certificate.withdrawn", "The certificate was already withdrawn; the detail gives the day.", "Nothing to withdraw."),
            new("certificate.withdrawn-before-issue", "A certificate cannot be withdrawn from a day before it was issued.",
                "Give a day on or after the day of issue (in the detail)."),
            new("honour.issued", "The teacher already holds the 20-year honour certificate; the detail gives its day and years.",
                "Nothing to issue: it is issued once per teacher."),
            new("honour.not-due", "On the day the teacher has fewer than 20 years as head teacher (periods summed, gaps excluded).",
                "Record the missing periods as head teacher on the teacher's record, or issue it on a later day."),
        ]);
}

using Workshops.Core;

namespace Workshops.Training;

/// <summary>
/// How long a kind of certificate stays valid and what renews it: the training of an hour policy (its categories,
/// levels and requirement). No <see cref="ValidYears"/>: it does not lapse.
/// </summary>
public sealed record CertificateRule(CertificateKind Kind, int? ValidYears, string? RenewedBy, string Source);

/// <summary>A lapse: from the day after validity ran out to the day before the training that renewed it (open: not renewed).</summary>
public sealed record Lapse(DateOnly From, DateOnly? To);

/// <summary>A certificate on a day: valid, lapsed or withdrawn, until when, and the renewals and lapses so far.</summary>
public sealed record CertificateView(
    Guid CertificateId,
    CertificateKind Kind,
    string Label,
    string? Number,
    string Issuer,
    DateOnly IssuedOn,
    string Basis,
    CertificateStatus Status,
    DateOnly? ValidUntil,
    IReadOnlyList<DateOnly> Renewals,
    IReadOnlyList<Lapse> Lapses,
    string Why,
    string Source,
    DateOnly? WithdrawnOn,
    string? WithdrawnReason);

/// <summary>The certificate rules of seeds 002, 003 and 004, and a certificate's status on a day as a pure function.</summary>
public static class Certificates
{
    public static readonly IReadOnlyList<CertificateRule> Rules =
    [
        new(CertificateKind.TrainingPass, null, null, "seed 002 二.2(3) 考核合格者发给《中小学教师培训合格证》"),
        // seed 002 二.2(3): holders take a municipal or district training every three years while serving; without it the
        // qualification lapses (seed 003 持证上岗: a head teacher serves with a valid one), and that training renews it.
        new(CertificateKind.HeadTeacherQualification, 3, "rotation-3-years",
            "seed 002 二.2(3) 《中小学班主任任职资格证》…已获得合格证和任职资格证的教师在其担任班主任期间，每三年必须参加一次市级或区级班主任培训; seed 003 持证上岗"),
        // seed 004 五: 持证上岗 for new principals; the five-yearly ≥ 360 in-service hours keep the certificate valid.
        new(CertificateKind.PrincipalQualification, 5, "principal-360-per-5-years",
            "seed 004 五 严格执行新任校长持证上岗制度…规范校长培训证书制度…实行5年一周期不少于360学时的在任校长全员培训制度"),
    ];

    public static CertificateRule RuleOf(CertificateKind kind) => Rules.First(r => r.Kind == kind);

    /// <summary>Certificates not withdrawn by the day and issued by then (proof a once-only clock accepts).</summary>
    public static IReadOnlyList<CertificateHeld> Held(IEnumerable<CertificateEntry> certificates, DateOnly day) =>
        [.. certificates.Where(c => c.IssuedOn <= day && !c.WithdrawnBy(day)).Select(c => new CertificateHeld(c.Kind, c.IssuedOn))];

    /// <summary>
    /// The status on <paramref name="day"/>. A certificate with a validity is valid for that many years from its issue,
    /// and again from each renewal: the day the renewing policy's requirement is met anew by credits dated after the
    /// issue (or the last renewal), as of the day. A renewal after the validity ran out ends the lapse.
    /// </summary>
    public static CertificateView Status(CertificateEntry c, IReadOnlyList<TrainingCredit> credits, DateOnly day)
    {
        var rule = RuleOf(c.Kind);
        var renewals = new List<DateOnly>();
        var lapses = new List<Lapse>();
        DateOnly? validUntil = null;
        if (rule.ValidYears is { } years)
        {
            var renewing = rule.RenewedBy is { } code ? HourClocks.Find(code) : null;
            var since = c.IssuedOn;
            var until = since.AddYears(years);
            var sum = 0m;
            if (renewing is not null)
                foreach (var credit in credits.Where(x => x.Date > c.IssuedOn && x.Date <= day && renewing.Counts(x))
                             .OrderBy(x => x.Date).ThenBy(x => x.Key, StringComparer.Ordinal))
                {
                    sum += renewing.ByHours ? credit.Hours : 1;
                    if (sum < renewing.Required) continue;
                    sum = 0;
                    if (credit.Date > until) lapses.Add(new Lapse(until.AddDays(1), credit.Date.AddDays(-1)));
                    renewals.Add(credit.Date);
                    until = credit.Date.AddYears(years);
                }
            if (day > until) lapses.Add(new Lapse(until.AddDays(1), null));
            validUntil = until;
        }
        var view = new CertificateView(c.CertificateId, c.Kind, c.Kind.Label(), c.Number, c.Issuer, c.IssuedOn, c.Basis, CertificateStatus.Valid,
            validUntil, renewals, lapses, "", rule.Source, c.WithdrawnBy(day) ? c.WithdrawnOn : null, c.WithdrawnBy(day) ? c.WithdrawnReason : null);
        if (c.WithdrawnBy(day))
            return view with { Status = CertificateStatus.Withdrawn, Why = $"Withdrawn on {c.WithdrawnOn:yyyy-MM-dd}: {c.WithdrawnReason}" };
        if (validUntil is not { } last)
            return view with { Why = "This certificate does not lapse." };
        var renewedBy = rule.RenewedBy is { } r ? HourClocks.Find(r)?.Title : null;
        return day > last
            ? view with { Status = CertificateStatus.Lapsed, Why = $"Lapsed after {last:yyyy-MM-dd}: no {renewedBy} since; the next one renews it." }
            : view with { Why = $"Valid until {last:yyyy-MM-dd}; {renewedBy} before then renews it." };
    }
}

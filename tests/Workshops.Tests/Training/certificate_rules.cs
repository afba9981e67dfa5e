using Workshops.Growth;
using Workshops.Training;
using static Workshops.Tests.Teachers.TeacherGiven;
using static Workshops.Tests.Training.TrainingGiven;

namespace Workshops.Tests.Training;

/// <summary>Certificates as pure functions: a qualification lapses without the three-yearly training and is renewed by it.</summary>
public sealed class certificate_rules
{
    private static readonly CertificateEntry Qualification = Certificate(CertificateKind.HeadTeacherQualification, "2020-06-01");

    [Theory]
    [InlineData("2023-06-01", CertificateStatus.Valid, "2023-06-01")]
    [InlineData("2023-06-02", CertificateStatus.Lapsed, "2023-06-01")]
    public void a_qualification_lapses_three_years_after_issue_without_the_retraining(string day, CertificateStatus status, string until)
    {
        var view = Certificates.Status(Qualification, [Credit("2021-04-01", 6, level: TrainingLevel.School)], D(day));
        Assert.Equal((status, D(until)), (view.Status, view.ValidUntil));
    }

    [Fact]
    public void the_retraining_renews_it_and_ends_the_lapse()
    {
        var credits = new[] { Credit("2024-03-01", 16, level: TrainingLevel.Municipal) };
        var before = Certificates.Status(Qualification, credits, D("2024-02-29"));
        Assert.Equal((CertificateStatus.Lapsed, D("2023-06-02"), (DateOnly?)null), (before.Status, before.Lapses.Single().From, before.Lapses.Single().To));
        var after = Certificates.Status(Qualification, credits, D("2024-06-01"));
        Assert.Equal((CertificateStatus.Valid, D("2027-03-01")), (after.Status, after.ValidUntil));
        Assert.Equal([D("2024-03-01")], after.Renewals);
        Assert.Equal(new Lapse(D("2023-06-02"), D("2024-02-29")), after.Lapses.Single());
    }

    [Fact]
    public void a_retraining_within_the_validity_extends_it_without_a_lapse()
    {
        var view = Certificates.Status(Qualification, [Credit("2022-11-01", 12, level: TrainingLevel.District)], D("2025-06-01"));
        Assert.Equal((CertificateStatus.Valid, D("2025-11-01"), 0), (view.Status, view.ValidUntil, view.Lapses.Count));
    }

    [Fact]
    public void a_training_pass_does_not_lapse_and_a_withdrawn_certificate_is_withdrawn_from_its_day()
    {
        var pass = Certificates.Status(Certificate(CertificateKind.TrainingPass, "2010-06-01"), [], D("2026-03-01"));
        Assert.Equal((CertificateStatus.Valid, (DateOnly?)null), (pass.Status, pass.ValidUntil));
        var withdrawn = Qualification with { WithdrawnOn = D("2021-01-10"), WithdrawnReason = "证书编号录入错误" };
        Assert.Equal(CertificateStatus.Valid, Certificates.Status(withdrawn, [], D("2021-01-09")).Status);
        Assert.Equal(CertificateStatus.Withdrawn, Certificates.Status(withdrawn, [], D("2021-01-10")).Status);
        Assert.Empty(Certificates.Held([withdrawn], D("2021-01-10")));
    }

    [Fact]
    public void a_principals_certificate_is_renewed_by_360_in_service_hours()
    {
        var cert = Certificate(CertificateKind.PrincipalQualification, "2024-01-10");
        var hours = new[]
        {
            Credit("2025-05-01", 200, CreditCategory.PrincipalInService, TrainingLevel.Provincial),
            Credit("2029-09-01", 160, CreditCategory.PrincipalInService, TrainingLevel.Provincial),
        };
        var view = Certificates.Status(cert, hours, D("2030-01-01"));
        Assert.Equal((CertificateStatus.Valid, D("2034-09-01")), (view.Status, view.ValidUntil));
        Assert.Equal(new Lapse(D("2029-01-11"), D("2029-08-31")), view.Lapses.Single());
    }
}

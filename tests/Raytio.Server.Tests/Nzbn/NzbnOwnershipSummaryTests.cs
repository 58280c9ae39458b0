using Raytio.Server.Features.Nzbn;
using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Nzbn.Sandbox;

namespace Raytio.Server.Tests.Nzbn;

/// <summary>Operation 90's computation on cases worked out by hand (docs/NZBN.md, "Ownership").</summary>
public sealed class NzbnOwnershipSummaryTests
{
    [Fact]
    public void A_joint_allocation_is_split_equally_and_an_entity_holder_keeps_its_share_out_of_the_people()
    {
        // 600 alone + 300 jointly with Ben (150 each) = 750 of 1000; Ben 150 of 1000; the 100 of company 2 is no person's.
        var summary = NzbnOwnershipSummary.Of(NzbnSandboxFixtures.All[0]);

        Assert.Equal("1000", summary.TotalShares);
        Assert.Equal([("NGATA, ARIA ROSE", 0.75m, "ACTIVE"), ("TAYLOR, BEN", 0.15m, "INACTIVE")],
            summary.People.Select(p => (p.Name, p.OwnershipPercentage!.Value, p.DirectorStatus!)));
        Assert.Equal(["600", "300", "100"], summary.Owners.Select(o => o.Quantity));
        Assert.Equal(["NGATA", "TAYLOR"], summary.Owners[1].Holders.Select(h => h.LastName));
        var company = Assert.Single(summary.Owners[2].Holders);
        Assert.Equal(("RIMU TEST TRUSTEES LIMITED", NzbnSandboxGenerator.NzbnOf(2)), (company.EntityName, company.Nzbn));
    }

    [Fact]
    public void Directors_show_their_status_and_dates_current_ones_first()
    {
        var summary = NzbnOwnershipSummary.Of(NzbnSandboxFixtures.All[0]);

        Assert.Equal(2, summary.Directors.Count);
        Assert.Equal(("ACTIVE", "ARIA", "ROSE", new DateTime(2015, 3, 2, 10, 15, 0), (DateTime?)null),
            (summary.Directors[0].DirectorStatus, summary.Directors[0].FirstName, summary.Directors[0].MiddleName, summary.Directors[0].DirectorSince!.Value, summary.Directors[0].DirectorUntil));
        Assert.Equal(("INACTIVE", "BEN", new DateTime(2019, 6, 30)), (summary.Directors[1].DirectorStatus, summary.Directors[1].FirstName, summary.Directors[1].DirectorUntil!.Value));
    }

    [Fact]
    public void Three_joint_holders_of_every_share_hold_a_third_each_rounded_to_six_places()
    {
        var summary = NzbnOwnershipSummary.Of(NzbnSandboxFixtures.All[1]);

        Assert.Equal(3, summary.People.Count);
        Assert.All(summary.People, p => Assert.Equal(0.333333m, p.OwnershipPercentage));
        Assert.Equal("ACTIVE", summary.People.Single(p => p.Name == "HENARE, TAMATI").DirectorStatus);
        Assert.Null(summary.People.Single(p => p.Name == "MORGAN, SOPHIE ANNE").DirectorSince);
    }

    [Fact]
    public void Holdings_of_one_person_add_up_over_allocations_and_a_director_without_shares_owns_none()
    {
        // Hemi: 500 + 200 + 300/3 = 800 of 1000; Grace and Finn 100 each; Isla directs and holds nothing.
        var summary = NzbnOwnershipSummary.Of(NzbnSandboxFixtures.All[3]);

        Assert.Equal([("PARATA, HEMI JOHN", 0.8m), ("CHEN, GRACE", 0.1m), ("WALKER, FINN", 0.1m), ("KING, ISLA MAE", 0m)],
            summary.People.Select(p => (p.Name, p.OwnershipPercentage!.Value)));
        Assert.Equal("In Liquidation", summary.Status);
    }

    [Fact]
    public void An_entity_without_shares_has_no_owners_and_no_percentages()
    {
        var summary = NzbnOwnershipSummary.Of(NzbnSandboxFixtures.All[2]);

        Assert.Null(summary.TotalShares);
        Assert.Empty(summary.Owners);
        Assert.Empty(summary.Directors);
        Assert.Empty(summary.People);
    }

    [Fact]
    public void Names_match_across_letter_case_and_spacing_and_the_register_total_is_the_denominator()
    {
        var entity = NzbnSandboxFixtures.All[0] with
        {
            Company = new NzbnCompany
            {
                Shareholding = new NzbnShareholding
                {
                    // 70 of the 700 shares are unallocated in this (inconsistent) record: the register's total still counts.
                    NumberOfShares = 700,
                    ShareAllocation =
                    [
                        new(210, [Holder("Aria", "Rose", "Ngata")]),
                        new(420, [Holder(" ARIA ", "ROSE", "NGATA"), Holder("Ben", null, "Taylor")]),
                    ],
                },
            },
        };

        var people = NzbnOwnershipSummary.Of(entity).People;

        // Aria: 210 + 210 = 420 of 700 = 0.6; Ben: 210 of 700 = 0.3.
        Assert.Equal([0.6m, 0.3m], people.Select(p => p.OwnershipPercentage!.Value));
        Assert.Equal(2, people.Count);
    }

    private static NzbnShareholder Holder(string first, string? middle, string last) =>
        new() { Type = "Individual", IndividualShareholder = new(first, middle, last, null) };
}

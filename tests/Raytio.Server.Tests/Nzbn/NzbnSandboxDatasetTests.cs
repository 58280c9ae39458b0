using System.Text.Json;
using Raytio.Server.Providers.Nzbn;
using Raytio.Server.Providers.Nzbn.Sandbox;

namespace Raytio.Server.Tests.Nzbn;

/// <summary>The generated Sandbox register: deterministic, large enough, and consistent with itself.</summary>
public sealed class NzbnSandboxDatasetTests
{
    private static readonly IReadOnlyList<NzbnEntity> Entities = new NzbnSandboxGenerator(NzbnSandboxGenerator.DefaultSeed, NzbnSandboxGenerator.DefaultCount).Generate();

    [Fact]
    public void The_same_seed_gives_the_same_dataset_and_another_seed_another()
    {
        var again = new NzbnSandboxGenerator(NzbnSandboxGenerator.DefaultSeed, NzbnSandboxGenerator.DefaultCount).Generate();
        var other = new NzbnSandboxGenerator(7, NzbnSandboxGenerator.DefaultCount).Generate();

        Assert.Equal(JsonSerializer.Serialize(Entities, NzbnJson.Options), JsonSerializer.Serialize(again, NzbnJson.Options));
        Assert.NotEqual(JsonSerializer.Serialize(Entities, NzbnJson.Options), JsonSerializer.Serialize(other, NzbnJson.Options));
        Assert.Equal(NzbnSandboxFixtures.All.Select(e => e.Nzbn), other.Take(NzbnSandboxFixtures.All.Count).Select(e => e.Nzbn));
    }

    [Fact]
    public void There_are_at_least_200_entities_with_valid_unique_nzbns_names_and_company_numbers()
    {
        Assert.True(Entities.Count >= 200);
        Assert.All(Entities, e => Assert.True(NzbnNumbers.IsValid(e.Nzbn), e.Nzbn));
        Assert.Equal(Entities.Count, Entities.Select(e => e.Nzbn).Distinct().Count());
        Assert.Equal(Entities.Count, Entities.Select(e => e.EntityName).Distinct().Count());
        var companies = Entities.Where(e => NzbnCodes.IsCompany(e.EntityTypeCode)).ToList();
        Assert.Equal(companies.Count, companies.Select(e => e.SourceRegisterUniqueIdentifier).Distinct().Count());
        Assert.All(companies, c => Assert.NotNull(c.Company?.Shareholding));
        Assert.All(Entities.Where(e => !NzbnCodes.IsCompany(e.EntityTypeCode)), e => Assert.Null(e.Company));
    }

    [Fact]
    public void Every_allocation_is_held_and_the_allocations_add_up_to_the_shares()
    {
        foreach (var shareholding in Entities.Select(e => e.Company?.Shareholding).OfType<NzbnShareholding>())
        {
            Assert.Equal(shareholding.NumberOfShares, shareholding.ShareAllocation.Sum(a => a.Allocation));
            Assert.All(shareholding.ShareAllocation, a => Assert.True(a.Allocation > 0 && a.Shareholder.Count > 0));
        }
    }

    [Fact]
    public void Entities_named_as_shareholders_or_role_holders_are_in_the_dataset_under_the_same_name()
    {
        var byNzbn = Entities.ToDictionary(e => e.Nzbn);
        var references = Entities.SelectMany(e => (e.Company?.Shareholding?.ShareAllocation ?? []).SelectMany(a => a.Shareholder)
                .Select(s => s.OtherShareholder).OfType<NzbnOtherShareholder>().Select(o => (o.Nzbn!, o.CurrentEntityName!))
                .Concat(e.Roles.Select(r => r.RoleEntity).OfType<NzbnRoleEntity>().Select(r => (r.Nzbn!, r.EntityName!))))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Equal(byNzbn[r.Item1].EntityName, r.Item2));
    }

    [Fact]
    public void The_dataset_exercises_every_kind_the_operations_distinguish()
    {
        Assert.Contains(Entities, e => e.Company?.Shareholding?.ShareAllocation.Any(a => a.Shareholder.Count > 1) == true);
        Assert.Contains(Entities, e => e.Roles.Any(r => r.RoleStatus == "INACTIVE"));
        Assert.Contains(Entities, e => e.EntityNames.Count > 1);
        Assert.Contains(Entities, e => e.TradingNames.Any(t => t.EndDate is not null));
        Assert.Contains(Entities, e => e.Company?.Insolvencies.Count > 0);
        foreach (var status in NzbnCodes.StatusFilters.Keys.Except(["InStatutoryAdministration"]))
        {
            Assert.Contains(Entities, e => NzbnCodes.StatusFilters[status].Contains(e.EntityStatusCode));
        }
        foreach (var type in new[] { "LTD", "Sole_Trader", "Partnership", "Trading_Trust", "ASIC" })
        {
            Assert.Contains(Entities, e => e.EntityTypeCode == type);
        }
    }
}

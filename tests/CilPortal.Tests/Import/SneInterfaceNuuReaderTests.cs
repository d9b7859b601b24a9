using CilPortal.Domain.Demands;
using CilPortal.Infrastructure.Importers;

namespace CilPortal.Tests.Import;

public class SneInterfaceNuuReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void The_real_example_maps_to_a_complete_demand()
    {
        var read = Assert.Single(SneInterfaceNuuReader.Read(SneFiles.Stream(SneFiles.Example), Today));
        var demand = read.Demand;

        Assert.Empty(read.Errors);
        Assert.Equal(SneFiles.ExampleNur, demand.Nur);
        Assert.Equal(new DateOnly(2018, 3, 15), demand.FiledOn);
        Assert.Equal(new DateOnly(2027, 3, 15), demand.ExpiresOn);
        Assert.Equal("jean.dupont@yyyy.fr", demand.ContactEmail);
        Assert.Equal(21000m, demand.ReferenceIncomeN1);
        Assert.Equal(20000m, demand.ReferenceIncomeN2);
        Assert.Equal(HousingSituation.PrivateTenant, demand.CurrentHousing);
        Assert.Equal(1000m, demand.CurrentRent);
        Assert.Equal(50m, demand.CurrentSurface);
        Assert.Equal(5, demand.CurrentOccupants);

        var applicant = Assert.Single(demand.Members, m => m.Role == HouseholdRole.Applicant);
        Assert.Equal(("Jean", "Dupont", new DateOnly(1970, 1, 1)), (applicant.FirstName, applicant.LastName, applicant.BirthDate));
        var coHolder = Assert.Single(demand.Members, m => m.Role == HouseholdRole.CoHolder);
        Assert.Equal((FamilyLink.Spouse, new DateOnly(1975, 2, 1)), (coHolder.Link, coHolder.BirthDate));
        Assert.Equal(2, demand.Members.Count(m => m.Role == HouseholdRole.Dependant)); // Léa, and the child in alternating custody
        Assert.Equal(new DateOnly(2018, 8, 1), Assert.Single(demand.Members, m => m.Role == HouseholdRole.ExpectedChild).BirthDate);

        Assert.Equal(30, demand.Resources.Count);
        Assert.Equal(1500m, Assert.Single(demand.Resources, r => r.Code == "SAL" && r.Member == applicant).MonthlyAmount);
        Assert.Equal(2, demand.Resources.Count(r => r is { Code: "PAV", IsPaidOut: true }));
        Assert.Equal(4010m + 3165m - 120m - 30m, HouseholdResources.Monthly(demand.Resources));
    }

    [Fact]
    public void Every_error_of_a_demand_is_reported_with_its_number_and_element()
    {
        var xml = SneFiles.WithDemands(
            SneFiles.Nur("1110318016982G1105", d => d.Replace("<ns1:dateCreationDemande>2018-03-15", "<ns1:dateCreationDemande>2018-13-45", StringComparison.Ordinal)),
            SneFiles.Nur("pas-un-numero", d => d.Replace("<ns1:montant>1500</ns1:montant>", "<ns1:montant>-1500</ns1:montant>", StringComparison.Ordinal)),
            SneFiles.Nur("1110318016982G1106", d => d.Replace("<ns1:dateNaissance>1970-01-01</ns1:dateNaissance>", "", StringComparison.Ordinal)));

        var errors = SneInterfaceNuuReader.Read(SneFiles.Stream(xml), Today).SelectMany(r => r.Errors).ToList();

        Assert.Contains(errors, e => e is { Position: 1, Nur: "1110318016982G1105", Element: "dateCreationDemande" });
        Assert.Contains(errors, e => e is { Position: 2, Element: "numUnique" });
        Assert.Contains(errors, e => e.Position == 2 && e.Element == "demandeur/listeRessourceRecue/SAL/montant" && e.Message.Contains("-1500", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Position: 3, Element: "demandeur/dateNaissance" });
        Assert.Equal("Demande n° 1 (1110318016982G1105), élément « dateCreationDemande » : « 2018-13-45 » n'est pas une date AAAA-MM-JJ valable.", errors.First(e => e.Position == 1).ToString());
    }

    [Fact]
    public void A_file_of_another_version_or_root_is_refused_whole()
    {
        Assert.Throws<SneFileException>(() => SneInterfaceNuuReader.Read(SneFiles.Stream(SneFiles.Example.Replace("versionInterface=\"02.00\"", "versionInterface=\"01.00\"", StringComparison.Ordinal)), Today).ToList());
        Assert.Throws<SneFileException>(() => SneInterfaceNuuReader.Read(SneFiles.Stream("<autre/>"), Today).ToList());
    }

    [Fact]
    public void External_entities_are_never_resolved()
    {
        const string xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ns1:interfaceNuu versionInterface=\"02.00\" xmlns:ns1=\"http://nuu.application.i2/\">&e;</ns1:interfaceNuu>";

        Assert.ThrowsAny<System.Xml.XmlException>(() => SneInterfaceNuuReader.Read(SneFiles.Stream(xml), Today).ToList());
    }
}

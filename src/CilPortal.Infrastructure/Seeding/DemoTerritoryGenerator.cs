using CilPortal.Domain.Allocations;
using CilPortal.Domain.Demands;
using CilPortal.Domain.Partners;
using CilPortal.Domain.Scoring;
using CilPortal.Domain.Stock;
using CilPortal.Domain.Territory;

namespace CilPortal.Infrastructure.Seeding;

/// <summary>The fictional demo data, before it is saved.</summary>
public sealed class DemoTerritory
{
    public List<Bailleur> Bailleurs { get; } = [];

    public List<Reservataire> Reservataires { get; } = [];

    public List<ReceptionPoint> ReceptionPoints { get; } = [];

    public List<Sector> Sectors { get; } = [];

    public List<Residence> Residences { get; } = [];

    /// <summary>Owner of each residence; the ids are set once the bailleurs are saved.</summary>
    public Dictionary<Residence, Bailleur> ResidenceOwners { get; } = [];

    /// <summary>The bailleur behind each bailleur-own réservataire.</summary>
    public Dictionary<Reservataire, Bailleur> OwnFlowOf { get; } = [];

    public List<Demand> Demands { get; } = [];

    /// <summary>Candidates of CALEOL sessions; their examinations are made when the graph is saved.</summary>
    public List<PlannedAllocation> Allocations { get; } = [];
}

/// <summary>An allocation linked to objects not yet saved.</summary>
public sealed record PlannedAllocation(Allocation Allocation, Dwelling Dwelling, Demand Demand, Reservataire Reservataire, DateOnly Session);

/// <summary>How much the generator creates: active demands, households housed over three years (one lease each), residences
/// (about 22 dwellings each), and fictional exchange listings beyond the demo's few.</summary>
public sealed record DemoTerritorySize(int ActiveDemands, int Leases, int Residences, int ExchangeListings)
{
    /// <summary>The demo: a mid-sized agglomeration.</summary>
    public static DemoTerritorySize Standard { get; } = new(3_000, 900, 120, 0);

    /// <summary>The benchmark territory (bench/): a metropolis with 100,000 active demands, about 50,000 dwellings, 30,000 leases
    /// over three years and 50,000 exchange listings.</summary>
    public static DemoTerritorySize Metropolis { get; } = new(100_000, 30_000, 2_240, 50_000);

    public static DemoTerritorySize Of(DemoSize size) => size == DemoSize.Metropolis ? Metropolis : Standard;
}

/// <summary>The size of the demo territory (setting <c>Demo:Size</c>).</summary>
public enum DemoSize
{
    Standard,
    Metropolis,
}

/// <summary>
/// Generates a deterministic, clearly fictional territory on top of the real communes and QPV:
/// the same seed and reference date always give the same data.
/// </summary>
public sealed class DemoTerritoryGenerator(int seed, DateOnly today, DemoTerritorySize? size = null)
{
    private readonly int activeDemandCount = (size ?? DemoTerritorySize.Standard).ActiveDemands;
    private readonly int leaseCount = (size ?? DemoTerritorySize.Standard).Leases;
    private readonly int residenceCount = (size ?? DemoTerritorySize.Standard).Residences;

    private static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Jade", "Louise", "Nora",
        "Yasmine", "Sofia", "Amina", "Julie", "Claire", "Nathalie", "Sandrine", "Fatima", "Élodie", "Marie",
        "Lucas", "Hugo", "Nathan", "Thomas", "Mehdi", "Karim", "Julien", "Nicolas", "Sébastien", "Antoine",
        "Youssef", "Rayan", "Kevin", "David", "Pierre", "Jean", "Michel", "Alain", "Bruno", "Olivier",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Garcia", "Martinez", "Lopez", "Sanchez", "Fernandez", "Roux", "Fabre", "Blanc",
        "Mercier", "Rousseau", "Vidal", "Bonnet", "Girard", "Marty", "Faure", "Andrieu", "Benali", "Haddad",
        "Cros", "Bousquet", "Sabatier", "Combes", "Pujol", "Nguyen", "Diallo", "Traoré", "Moreau", "Laurent",
        "Castel", "Rey", "Escande", "Granier", "Cabrol", "Maurel", "Barthe", "Ortega", "Mansouri", "Petit",
    ];

    private static readonly string[] StreetNames =
    [
        "rue des Amandiers", "avenue des Pins", "rue du Canal", "allée des Cigales", "rue des Oliviers",
        "chemin des Salins", "avenue de la Mer", "rue des Vignes", "boulevard des Platanes", "rue de la Garrigue",
        "place des Tilleuls", "rue des Lauriers", "impasse des Mimosas", "avenue du Languedoc", "rue des Étangs",
    ];

    private static readonly string[] ResidenceNames =
    [
        "Les Amandiers", "Le Clos des Vignes", "Les Terrasses", "Le Parc", "Les Cigales", "Les Jardins",
        "La Roseraie", "Les Pins", "Le Moulin", "Les Oliviers", "La Garrigue", "Le Belvédère", "Les Salins",
        "Le Mail", "Les Tamaris", "La Clape", "Les Lauriers", "Le Verger", "Les Micocouliers", "Le Hameau",
    ];

    private readonly Random random = new(seed);

    // Situations read by the cotation are drawn from a stream of their own, so that adding them left
    // every other generated value (households, resources, allocations) as it was.
    private readonly Random situationRandom = new(seed + 1);
    private readonly Dictionary<Demand, (DateOnly Session, DateOnly LeaseOn)> housingPlans = [];

    public DemoTerritory Generate(IReadOnlyList<Commune> communes, IReadOnlyList<Qpv> qpvs)
    {
        ArgumentNullException.ThrowIfNull(communes);
        ArgumentNullException.ThrowIfNull(qpvs);
        if (communes.Count == 0)
        {
            throw new InvalidOperationException("Le territoire de démonstration a besoin des communes de l'EPCI.");
        }

        var territory = new DemoTerritory();
        AddPartners(territory, communes);
        AddSectors(territory, communes, qpvs);
        AddStock(territory, communes, qpvs);
        AddDemands(territory, communes, qpvs);
        AddAllocations(territory);
        return territory;
    }

    private void AddPartners(DemoTerritory territory, IReadOnlyList<Commune> communes)
    {
        territory.Bailleurs.AddRange(
        [
            new Bailleur { Name = "Garrigue Habitat", Kind = BailleurKind.Oph },
            new Bailleur { Name = "Étang Bleu Logement", Kind = BailleurKind.Esh },
            new Bailleur { Name = "Maison Commune Habitat", Kind = BailleurKind.Esh },
            new Bailleur { Name = "Clape Résidences", Kind = BailleurKind.Sem },
        ]);
        territory.Reservataires.AddRange(
        [
            new Reservataire { Name = "Contingent préfectoral", Kind = ReservataireKind.Prefet },
            new Reservataire { Name = "Action Logement Services", Kind = ReservataireKind.ActionLogement },
            new Reservataire { Name = "Contingent intercommunal", Kind = ReservataireKind.Epci },
        ]);
        foreach (var bailleur in territory.Bailleurs)
        {
            // The bailleur's own (non-reserved) flow; linked to the bailleur once it has an id.
            var ownFlow = new Reservataire { Name = $"{bailleur.Name} (flux propre)", Kind = ReservataireKind.Bailleur };
            territory.Reservataires.Add(ownFlow);
            territory.OwnFlowOf[ownFlow] = bailleur;
        }

        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        var all = ReceptionServices.Information | ReceptionServices.Registration | ReceptionServices.Accompaniment;
        territory.ReceptionPoints.AddRange(
        [
            Place(communes, "11262", "11100", "Maison de l'habitat", "12 boulevard des Platanes", 43.1836, 3.0043, all, true, "04 65 71 10 01",
                [.. weekdays.SelectMany(d => Slots(d, (8, 30, 12, 0), (13, 30, 17, 0)))]),
            Place(communes, "11262", "11100", "Point d'accueil logement des quartiers ouest", "3 place des Tilleuls", 43.1790, 2.9905,
                ReceptionServices.Information | ReceptionServices.Accompaniment, true, "04 65 71 10 02",
                [.. Slots(DayOfWeek.Tuesday, (9, 0, 12, 0)), .. Slots(DayOfWeek.Wednesday, (14, 0, 17, 0)), .. Slots(DayOfWeek.Thursday, (9, 0, 12, 0))]),
            Place(communes, "11106", "11110", "Accueil logement de la mairie", "1 place de la Mairie", 43.2339, 3.0575,
                ReceptionServices.Information | ReceptionServices.Registration, false, "04 65 71 10 03",
                [.. new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }.SelectMany(d => Slots(d, (9, 0, 12, 0)))]),
            Place(communes, "11266", "11210", "Antenne habitat du littoral", "8 avenue de la Mer", 43.0197, 3.0436,
                ReceptionServices.Information | ReceptionServices.Accompaniment, true, "04 65 71 10 04",
                [.. new[] { DayOfWeek.Monday, DayOfWeek.Thursday }.SelectMany(d => Slots(d, (9, 0, 12, 0), (14, 0, 17, 0)))]),
            Place(communes, "11379", "11130", "Point d'accueil des Corbières", "5 rue des Vignes", 43.0277, 2.9786,
                ReceptionServices.Information | ReceptionServices.Registration, false, "04 65 71 10 05",
                [.. Slots(DayOfWeek.Tuesday, (9, 0, 12, 0)), .. Slots(DayOfWeek.Friday, (14, 0, 17, 0))]),
        ]);
        territory.ReceptionPoints[0].Notes = "Sans rendez-vous le matin ; sur rendez-vous l'après-midi.";
        territory.ReceptionPoints[0].AccessibilityDetails = "Boucle magnétique à l'accueil. Entretien en langue des signes sur rendez-vous.";
        var christmas = new DateOnly(today.Year, 12, 24);
        if (christmas.AddDays(8) < today)
        {
            christmas = christmas.AddYears(1);
        }

        foreach (var place in territory.ReceptionPoints)
        {
            place.Closures.Add(new ReceptionClosure { From = christmas, To = christmas.AddDays(8), Reason = "Fermeture des fêtes de fin d'année" });
        }
    }

    private static ReceptionPoint Place(
        IReadOnlyList<Commune> communes, string insee, string postalCode, string name, string address, double latitude, double longitude,
        ReceptionServices services, bool stepFree, string phone, OpeningSlot[] slots)
    {
        // Outside the demo territory (another SIREN), the places fall back on the first commune, without a position.
        var commune = communes.FirstOrDefault(c => c.InseeCode == insee);
        var place = new ReceptionPoint
        {
            Name = $"{name} — {(commune ?? communes[0]).Name}",
            Address = address,
            PostalCode = commune is null ? "" : postalCode,
            CommuneInseeCode = (commune ?? communes[0]).InseeCode,
            Services = services,
            IsWheelchairAccessible = stepFree,
            Phone = phone,
            Email = $"accueil.logement{phone[^1]}@demo.cilportal.test",
            Latitude = commune is null ? null : latitude,
            Longitude = commune is null ? null : longitude,
        };
        place.OpeningSlots.AddRange(slots);
        return place;
    }

    private static IEnumerable<OpeningSlot> Slots(DayOfWeek day, params (int OpensHour, int OpensMinute, int ClosesHour, int ClosesMinute)[] ranges) =>
        ranges.Select(r => new OpeningSlot { Day = day, Opens = new TimeOnly(r.OpensHour, r.OpensMinute), Closes = new TimeOnly(r.ClosesHour, r.ClosesMinute) });

    private static void AddSectors(DemoTerritory territory, IReadOnlyList<Commune> communes, IReadOnlyList<Qpv> qpvs)
    {
        var centre = new Sector { Name = "Ville-centre" };
        centre.Communes.Add(new SectorCommune { CommuneInseeCode = communes[0].InseeCode });
        centre.Qpvs.AddRange(qpvs.Where(q => q.CommuneInseeCode == communes[0].InseeCode).Select(q => new SectorQpv { QpvCode = q.Code }));
        var rest = new Sector { Name = "Communes périphériques" };
        rest.Communes.AddRange(communes.Skip(1).Select(c => new SectorCommune { CommuneInseeCode = c.InseeCode }));
        territory.Sectors.AddRange([centre, rest]);
    }

    /// <summary>Residences spread over the communes, weighted towards the largest (listed first), a fair share in QPV.</summary>
    private void AddStock(DemoTerritory territory, IReadOnlyList<Commune> communes, IReadOnlyList<Qpv> qpvs)
    {
        var bailleurWeights = new[] { 40, 30, 20, 10 };
        for (var i = 0; i < residenceCount; i++)
        {
            var inQpv = qpvs.Count > 0 && i % 10 < 3;
            var qpv = inQpv ? qpvs[i % qpvs.Count] : null;
            var commune = qpv is not null
                ? communes.First(c => c.InseeCode == qpv.CommuneInseeCode)
                : communes[WeightedCommuneIndex(communes.Count)];
            var bailleurIndex = Pick(bailleurWeights);
            var residence = new Residence
            {
                Name = $"Résidence {ResidenceNames[i % ResidenceNames.Length]}{(i >= ResidenceNames.Length ? $" {(i / ResidenceNames.Length) + 1}" : "")}",
                Address = $"{random.Next(1, 120)} {StreetNames[random.Next(StreetNames.Length)]}",
                CommuneInseeCode = commune.InseeCode,
                QpvCode = qpv?.Code,
                ConstructionYear = random.Next(1955, 2025),
            };
            territory.ResidenceOwners[residence] = territory.Bailleurs[bailleurIndex];
            var dwellingCount = inQpv ? random.Next(20, 45) : random.Next(6, 30);
            for (var d = 1; d <= dwellingCount; d++)
            {
                residence.Dwellings.Add(NewDwelling(i + 1, d, residence.ConstructionYear ?? 1980));
            }

            territory.Residences.Add(residence);
        }
    }

    private Dwelling NewDwelling(int residenceNumber, int number, int year)
    {
        var typology = (Typology)(Pick([8, 22, 37, 24, 8, 1]) + 1);
        var surface = typology switch
        {
            Typology.T1 => 28m,
            Typology.T2 => 46m,
            Typology.T3 => 64m,
            Typology.T4 => 79m,
            Typology.T5 => 93m,
            _ => 108m,
        } + random.Next(-5, 8);
        var financing = (Financing)(Pick([25, 65, 10]) + 1);
        var rentPerSquareMetre = financing switch
        {
            Financing.Plai => 5.4m,
            Financing.Plus => 6.1m,
            _ => 8.6m,
        };
        var floor = random.Next(0, 6);
        var hasLift = year >= 1990 ? floor > 0 || random.Next(2) == 0 : floor >= 4 && random.Next(3) > 0;
        return new Dwelling
        {
            Reference = $"D{residenceNumber:D3}-{number:D3}",
            Typology = typology,
            Surface = surface,
            Rent = Math.Round(surface * rentPerSquareMetre, 2),
            Charges = Math.Round(surface * 0.9m, 2),
            Floor = floor,
            HasLift = hasLift,
            Accessibility = floor == 0 || hasLift ? (random.Next(10) == 0 ? Accessibility.WheelchairAdapted : Accessibility.Adaptable) : Accessibility.None,
            Financing = financing,
        };
    }

    private void AddDemands(DemoTerritory territory, IReadOnlyList<Commune> communes, IReadOnlyList<Qpv> qpvs)
    {
        // Yearly disposable income per UC of the QPV households (INSEE deciles): a realistic spread for applicants.
        var d1 = Average(qpvs.Select(q => q.FirstDecileIncomePerUnit), 7300m);
        var median = Average(qpvs.Select(q => q.MedianIncomePerUnit), 12300m);
        var d9 = Average(qpvs.Select(q => q.NinthDecileIncomePerUnit), 22000m);
        for (var n = 0; n < activeDemandCount; n++)
        {
            territory.Demands.Add(NewDemand(n, communes, d1, median, d9, today.AddDays(-random.Next(5, 4 * 365)), today));
        }

        // Housed households: examined in a CALEOL session of the last three years, lease signed 2 to 6 weeks later.
        for (var n = activeDemandCount; n < activeDemandCount + leaseCount; n++)
        {
            var session = today.AddDays(-random.Next(20, 3 * 365));
            var leaseOn = session.AddDays(random.Next(15, 45));
            leaseOn = leaseOn > today ? today : leaseOn;
            var demand = NewDemand(n, communes, d1, median, d9, session.AddDays(-random.Next(60, 1100)), leaseOn);
            territory.Demands.Add(demand);
            housingPlans[demand] = (session, leaseOn);
        }
    }

    /// <summary>A demand filed on <paramref name="filedOn"/> whose history is known up to <paramref name="horizon"/> (today, or its lease).</summary>
    private Demand NewDemand(int n, IReadOnlyList<Commune> communes, decimal d1, decimal median, decimal d9, DateOnly filedOn, DateOnly horizon)
    {
        // Renewed a few days or weeks before each anniversary reached by the horizon; the anniversary date stays.
        var renewals = new List<DateOnly>();
        for (var year = 1; filedOn.AddYears(year) <= horizon; year++)
        {
            renewals.Add(filedOn.AddYears(year).AddDays(-random.Next(1, 25)));
        }

        var demand = new Demand
        {
            Nur = $"111{filedOn:MMyy}{n + 1:D6}D1199",
            FiledOn = filedOn,
            LastRenewedOn = renewals.Count > 0 ? renewals[^1] : null,
            ExpiresOn = DemandLifecycle.ExpiryFrom(filedOn).AddYears(renewals.Count),
            CurrentHousing = (HousingSituation)(Pick([30, 30, 2, 20, 5, 3, 5, 5]) + 1),
            IsFictional = true,
        };
        AddHousehold(demand);
        var persons = demand.Members.Count;
        var units = ConsumptionUnits.For(demand, today);
        var incomePerUnit = Quantile(random.NextDouble(), d1, median, d9);
        var monthly = Math.Round(incomePerUnit * units / 12m / 10m, 0) * 10m;
        AddResources(demand, monthly);

        demand.CurrentCommuneInseeCode = communes[WeightedCommuneIndex(communes.Count)].InseeCode;
        if (demand.CurrentHousing is HousingSituation.SocialTenant or HousingSituation.PrivateTenant or HousingSituation.FurnishedOrHotel)
        {
            demand.CurrentRent = Math.Round(Math.Min(monthly * 0.45m, 350m + (persons * 90m)) / 5m, 0) * 5m;
            demand.CurrentSurface = 20 + (random.Next(1, 4) * 10);
        }

        var wanted = Math.Clamp(persons, 1, 6);
        demand.WishedTypologies = ((Typology)Math.Clamp(wanted - (persons >= 3 ? 1 : 0), 1, 6)).ToSet()
            | ((Typology)Math.Clamp(wanted + (persons == 1 ? 1 : 0), 1, 6)).ToSet();
        demand.MaxRent = Math.Round(Math.Max(250m, monthly * 0.35m) / 10m, 0) * 10m;
        var wishCount = random.Next(1, 4);
        var chosen = new HashSet<string>();
        for (var rank = 1; chosen.Count < wishCount && rank < 10; rank++)
        {
            var code = communes[WeightedCommuneIndex(communes.Count)].InseeCode;
            if (chosen.Add(code))
            {
                demand.WishedCommunes.Add(new DemandWishedCommune { CommuneInseeCode = code, Rank = chosen.Count });
            }
        }

        demand.IsPriorityPublic = demand.CurrentHousing is HousingSituation.Shelter or HousingSituation.WithoutHousing || random.Next(100) < 15;
        demand.IsDaloRecognised = demand.IsPriorityPublic && random.Next(100) < 12;
        demand.Situations = DrawSituations(demand);
        var applicant = demand.Members[0];
        demand.ContactEmail = $"{Ascii(applicant.FirstName)}.{Ascii(applicant.LastName)}.{n + 1}@demo.cilportal.test";
        demand.ContactPhone = $"06 39 98 {(n / 100) % 100:D2} {n % 100:D2}";

        demand.Events.Add(new DemandEvent { OccurredOn = filedOn, Kind = DemandEventKind.Registered, Detail = "Demande enregistrée." });
        demand.Events.AddRange(renewals.Select(on => new DemandEvent { OccurredOn = on, Kind = DemandEventKind.Renewed, Detail = "Demande renouvelée." }));

        if (demand.IsPriorityPublic)
        {
            demand.Events.Add(new DemandEvent { OccurredOn = Min(filedOn.AddDays(random.Next(1, 60)), horizon), Kind = DemandEventKind.PriorityPublicLabel, Detail = "Reconnue comme public prioritaire." });
        }

        if (demand.IsDaloRecognised)
        {
            demand.Events.Add(new DemandEvent { OccurredOn = Min(filedOn.AddDays(random.Next(60, 200)), horizon), Kind = DemandEventKind.DaloLabel, Detail = "Reconnue prioritaire et urgente au titre du DALO." });
        }

        return demand;
    }

    private DemandSituations DrawSituations(Demand demand)
    {
        var situations = DemandSituations.None;
        void Maybe(DemandSituations situation, int percent)
        {
            if (situationRandom.Next(100) < percent)
            {
                situations |= situation;
            }
        }

        Maybe(DemandSituations.DomesticViolence, demand.IsPriorityPublic ? 12 : 2);
        Maybe(DemandSituations.Disability, 8);
        Maybe(DemandSituations.EvictionThreat, demand.CurrentHousing is HousingSituation.PrivateTenant or HousingSituation.SocialTenant ? 8 : 0);
        Maybe(DemandSituations.UnfitHousing, demand.CurrentHousing == HousingSituation.PrivateTenant ? 6 : 0);
        Maybe(DemandSituations.JobNearby, 10);
        Maybe(DemandSituations.ResumingWork, 3);
        Maybe(DemandSituations.UrbanRenewalRehousing, demand.CurrentHousing == HousingSituation.SocialTenant ? 4 : 0);
        return situations;
    }

    private void AddHousehold(Demand demand)
    {
        var lastName = LastNames[random.Next(LastNames.Length)];
        var kind = Pick([33, 25, 12, 20, 10]);
        var applicantAge = kind == 4 ? random.Next(65, 88) : random.Next(19, 60);
        AddMember(demand, HouseholdRole.Applicant, FamilyLink.Self, lastName, applicantAge);
        if (kind is 2 or 3)
        {
            AddMember(demand, HouseholdRole.CoHolder, FamilyLink.Spouse, random.Next(4) == 0 ? LastNames[random.Next(LastNames.Length)] : lastName,
                Math.Clamp(applicantAge + random.Next(-6, 7), 18, 90));
        }

        var children = kind switch
        {
            1 => random.Next(1, 4),
            3 => random.Next(1, 5),
            _ => 0,
        };
        for (var c = 0; c < children; c++)
        {
            AddMember(demand, HouseholdRole.Dependant, FamilyLink.Child, lastName, random.Next(0, Math.Min(20, Math.Max(1, applicantAge - 17))));
        }

        if (kind == 2 && random.Next(8) == 0)
        {
            demand.Members.Add(new HouseholdMember
            {
                Role = HouseholdRole.ExpectedChild,
                Link = FamilyLink.Child,
                FirstName = "Enfant à naître",
                LastName = lastName,
                BirthDate = today.AddDays(random.Next(30, 200)),
            });
        }
    }

    private void AddMember(Demand demand, HouseholdRole role, FamilyLink link, string lastName, int age) =>
        demand.Members.Add(new HouseholdMember
        {
            Role = role,
            Link = link,
            FirstName = FirstNames[random.Next(FirstNames.Length)],
            LastName = lastName,
            BirthDate = today.AddYears(-age).AddDays(-random.Next(0, 364)),
        });

    private void AddResources(Demand demand, decimal monthly)
    {
        var children = demand.Members.Count(m => m.Role == HouseholdRole.Dependant && ConsumptionUnits.AgeOn(m.BirthDate, today) < 20);
        var familyAllowance = children >= 2 ? 150m * (children - 1) : 0m;
        familyAllowance = Math.Min(familyAllowance, monthly / 2);
        var applicantAge = ConsumptionUnits.AgeOn(demand.Members[0].BirthDate, today);
        var mainCode = applicantAge >= 63 ? "RET" : (Pick([62, 16, 8, 14]) switch { 0 => "SAL", 1 => "RSA", 2 => "AAH", _ => "CHO" });
        demand.Resources.Add(new DemandResource { Code = mainCode, MonthlyAmount = monthly - familyAllowance });
        if (familyAllowance > 0)
        {
            demand.Resources.Add(new DemandResource { Code = "AF", MonthlyAmount = familyAllowance });
        }
    }

    /// <summary>
    /// One CALEOL session per housed household, with up to two other candidates active on that day, all
    /// ranked; the first usually signs, otherwise (about one time in eight) the second signs after a refusal.
    /// </summary>
    private void AddAllocations(DemoTerritory territory)
    {
        var dwellings = territory.Residences.SelectMany(r => r.Dwellings).ToList();
        var residenceOf = territory.Residences.SelectMany(r => r.Dwellings.Select(d => (d, r))).ToDictionary(x => x.d, x => x.r);
        var active = territory.Demands.Take(activeDemandCount).ToList();
        var usedDwellings = new HashSet<Dwelling>();
        foreach (var (winner, (session, leaseOn)) in housingPlans)
        {
            Dwelling dwelling;
            do
            {
                dwelling = dwellings[random.Next(dwellings.Count)];
            }
            while (!usedDwellings.Add(dwelling));

            var reservataire = territory.Reservataires[random.Next(territory.Reservataires.Count)];
            var others = new List<Demand>();
            // A household housed in a dwelling wanted it: its typology and commune join its wishes.
            winner.WishedTypologies |= dwelling.Typology.ToSet();
            var commune = residenceOf[dwelling].CommuneInseeCode;
            if (winner.WishedCommunes.All(w => w.CommuneInseeCode != commune))
            {
                winner.WishedCommunes.Add(new DemandWishedCommune { CommuneInseeCode = commune, Rank = winner.WishedCommunes.Count + 1 });
            }

            // The other candidates accept that typology and were filed well before the session.
            for (var attempt = 0; attempt < 60 && others.Count < 2; attempt++)
            {
                var candidate = active[random.Next(active.Count)];
                if (candidate.FiledOn <= session.AddDays(-45) && candidate.WishedTypologies.Includes(dwelling.Typology) && !others.Contains(candidate))
                {
                    others.Add(candidate);
                }
            }

            var firstRefused = others.Count > 0 && random.Next(100) < 12;
            List<Demand> ranked = firstRefused ? [others[0], winner, .. others.Skip(1)] : [winner, .. others];
            for (var rank = 1; rank <= ranked.Count; rank++)
            {
                var demand = ranked[rank - 1];
                var allocation = new Allocation { Decision = CaleolDecision.Attribution, Rank = rank };
                territory.Allocations.Add(new PlannedAllocation(allocation, dwelling, demand, reservataire, session));
                demand.Events.Add(new DemandEvent { OccurredOn = session.AddDays(-random.Next(7, 30)), Kind = DemandEventKind.Designated, Detail = $"Candidature présentée par {reservataire.Name}." });
                demand.Events.Add(new DemandEvent { OccurredOn = session, Kind = DemandEventKind.CaleolDecision, Detail = $"Attribution au rang {rank}." });
                if (demand == winner)
                {
                    allocation.Answer = OfferAnswer.Accepted;
                    allocation.AnsweredOn = Min(session.AddDays(8), leaseOn);
                    allocation.LeaseSignedOn = leaseOn;
                    demand.Events.Add(new DemandEvent { OccurredOn = Min(session.AddDays(3), leaseOn), Kind = DemandEventKind.OfferMade, Detail = "Proposition de logement." });
                    demand.Events.Add(new DemandEvent { OccurredOn = Min(session.AddDays(8), leaseOn), Kind = DemandEventKind.OfferAccepted, Detail = "Proposition acceptée." });
                    demand.Events.Add(new DemandEvent { OccurredOn = leaseOn, Kind = DemandEventKind.LeaseSigned, Detail = "Bail signé." });
                    demand.Events.Add(new DemandEvent { OccurredOn = leaseOn, Kind = DemandEventKind.StruckOff, Detail = "Demande radiée : attribution suivie de la signature d'un bail." });
                    demand.Status = DemandStatus.StruckOff;
                    demand.RadiationReason = RadiationReason.LeaseSigned;
                    demand.StruckOffOn = leaseOn;
                }
                else if (firstRefused && rank == 1)
                {
                    allocation.Answer = OfferAnswer.Refused;
                    allocation.AnsweredOn = session.AddDays(10);
                    demand.Events.Add(new DemandEvent { OccurredOn = session.AddDays(3), Kind = DemandEventKind.OfferMade, Detail = "Proposition de logement." });
                    demand.Events.Add(new DemandEvent { OccurredOn = session.AddDays(10), Kind = DemandEventKind.OfferRefused, Detail = "Proposition refusée." });
                }
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Index of a commune, weighted: the first (the ville-centre) about 45 %, then decreasing.</summary>
    private int WeightedCommuneIndex(int count)
    {
        if (count == 1 || random.Next(100) < 45)
        {
            return 0;
        }

        var i = 1 + (int)(Math.Pow(random.NextDouble(), 2.2) * (count - 1));
        return Math.Min(i, count - 1);
    }

    private int Pick(int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Piecewise-linear quantile through the INSEE deciles (0 → d1/2, 0.1 → d1, 0.5 → median, 0.9 → d9, 1 → 1.3 d9).</summary>
    private static decimal Quantile(double u, decimal d1, decimal median, decimal d9)
    {
        var p = (decimal)u;
        return p switch
        {
            < 0.1m => (d1 / 2) + ((d1 / 2) * p / 0.1m),
            < 0.5m => d1 + ((median - d1) * (p - 0.1m) / 0.4m),
            < 0.9m => median + ((d9 - median) * (p - 0.5m) / 0.4m),
            _ => d9 + (0.3m * d9 * (p - 0.9m) / 0.1m),
        };
    }

    private static decimal Average(IEnumerable<decimal?> values, decimal fallback)
    {
        var list = values.Where(v => v is > 0).Select(v => v!.Value).ToList();
        return list.Count == 0 ? fallback : list.Average();
    }

    private static string Ascii(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c)).ToArray()).ToLowerInvariant();
}

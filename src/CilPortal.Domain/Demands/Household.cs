namespace CilPortal.Domain.Demands;

/// <summary>Place of a person in the household of a demand.</summary>
public enum HouseholdRole
{
    Applicant = 1,
    CoHolder = 2,
    Dependant = 3,

    /// <summary>Expected birth: counted in the household, birth date is the expected date.</summary>
    ExpectedChild = 4,
}

/// <summary>Link of a person to the applicant (SNE lienParente / lienDemandeur).</summary>
public enum FamilyLink
{
    Self = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    OtherRelative = 4,
    Other = 5,
}

public class HouseholdMember
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    public HouseholdRole Role { get; set; }

    public FamilyLink Link { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public DateOnly BirthDate { get; set; }
}

/// <summary>A monthly resource line of a demand, with its SNE code (SAL, RSA, AAH, AF, CHO, RET, PAV…).</summary>
public class DemandResource
{
    public int Id { get; set; }

    public int DemandId { get; set; }

    public int? HouseholdMemberId { get; set; }

    /// <summary>The person the resource belongs to, when known.</summary>
    public HouseholdMember? Member { get; set; }

    /// <summary>SNE resource code, e.g. SAL (salary), RSA, AAH, AF, CHO, RET, PAR, PAV.</summary>
    public string Code { get; set; } = "";

    /// <summary>Monthly amount in euros.</summary>
    public decimal MonthlyAmount { get; set; }

    /// <summary>True for a resource paid out (e.g. PAV, alimony paid), which is deducted.</summary>
    public bool IsPaidOut { get; set; }
}

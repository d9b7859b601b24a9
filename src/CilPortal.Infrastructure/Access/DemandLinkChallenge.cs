namespace CilPortal.Infrastructure.Access;

/// <summary>
/// A one-time code sent to the e-mail recorded on a demand, that the signed-in account must type back
/// to attach the demand. Stored hashed; expires; counts its failed attempts.
/// </summary>
public class DemandLinkChallenge
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Null when the NUR and birth date matched no demand: the applicant is not told, and no code can succeed.</summary>
    public int? DemandId { get; set; }

    public string CodeHash { get; set; } = "";

    public DateTime ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    public bool Used { get; set; }
}

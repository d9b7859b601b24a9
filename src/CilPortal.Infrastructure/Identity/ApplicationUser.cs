using Microsoft.AspNetCore.Identity;

namespace CilPortal.Infrastructure.Identity;

public class ApplicationUser : IdentityUser
{
    /// <summary>Name shown in the header and in audit entries.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>For a bailleur agent: the only bailleur whose data this account may see.</summary>
    public int? BailleurId { get; set; }

    /// <summary>For an applicant: the demand this account is attached to.</summary>
    public int? LinkedDemandId { get; set; }

    /// <summary>A deactivated account cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Seeded demo account (development and demo deployments only).</summary>
    public bool IsDemoAccount { get; set; }

    /// <summary>
    /// The 30-second step of the last authenticator-app code accepted: a code of that step or an earlier one is refused,
    /// so that a code seen over someone's shoulder cannot be used again.
    /// </summary>
    public long? LastTotpTimeStep { get; set; }
}

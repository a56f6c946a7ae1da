namespace L2R.Domain.Leads;

[Flags]
public enum Roles
{
    None = 0,
    Admin = 1,
    Marketing = 2,
    Sales = 4,
}

public enum Role
{
    Admin,
    Marketing,
    Sales,
}

public static class RoleSet
{
    public static Roles From(IEnumerable<Role> roles) => roles.Aggregate(Roles.None, (set, role) => set | ToFlag(role));

    public static IReadOnlyList<Role> ToList(Roles roles) => Enum.GetValues<Role>().Where(r => roles.HasFlag(ToFlag(r))).ToList();

    public static Roles ToFlag(Role role) => role switch
    {
        Role.Admin => Roles.Admin,
        Role.Marketing => Roles.Marketing,
        Role.Sales => Roles.Sales,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

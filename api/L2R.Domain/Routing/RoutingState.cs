using L2R.Domain.Calendars;

namespace L2R.Domain.Routing;

/// <summary>A member's own working hours (null: the tenant's) and absences, in the tenant's time zone.</summary>
public sealed record MemberAvailability(IReadOnlyList<WorkingDay>? Hours, IReadOnlyList<OutOfOffice> OutOfOffice)
{
    public static readonly MemberAvailability TenantHours = new(null, []);
}

/// <summary>
/// What routing counts per member, as loaded for one command or one page of a batch and kept current as leads are
/// assigned in it: open leads in the routing stage, leads routed to them today (tenant time), and leads each team
/// routed to them in the rotation's window.
/// </summary>
public sealed class RoutingLoad
{
    public Dictionary<Guid, int> Open { get; init; } = [];
    public Dictionary<Guid, int> Today { get; init; } = [];
    public Dictionary<(Guid Team, Guid User), int> Received { get; init; } = [];

    public int OpenOf(Guid user) => Open.GetValueOrDefault(user);

    public int TodayOf(Guid user) => Today.GetValueOrDefault(user);

    public int ReceivedOf(Guid team, Guid user) => Received.GetValueOrDefault((team, user));

    internal void Gave(Guid team, Guid user)
    {
        Open[user] = OpenOf(user) + 1;
        Today[user] = TodayOf(user) + 1;
        Received[(team, user)] = ReceivedOf(team, user) + 1;
    }

    internal void TookBack(Guid user) => Open[user] = Math.Max(0, OpenOf(user) - 1);
}

/// <summary>
/// The team state routing judges by, loaded once per command or page: the tenant's teams, people's names, hours and
/// absences, their load and the tenant's calendar. It collects the assignments made with it, for the caller to write.
/// Not thread-safe: one per unit of work.
/// </summary>
public sealed class RoutingState(
    IReadOnlyList<Team> teams,
    IReadOnlyDictionary<Guid, string> names,
    IReadOnlyDictionary<Guid, MemberAvailability> availability,
    RoutingLoad load,
    BusinessCalendar calendar)
{
    private readonly Dictionary<Guid, Team> _teams = teams.ToDictionary(t => t.Id);
    private readonly List<LeadAssignment> _made = [];

    public BusinessCalendar Calendar => calendar;

    public RoutingLoad Load => load;

    public Team? TeamOf(Guid? id) => id is { } known ? _teams.GetValueOrDefault(known) : null;

    public string NameOf(Guid user) => names.GetValueOrDefault(user, "a former user");

    public MemberAvailability AvailabilityOf(Guid user) => availability.GetValueOrDefault(user, MemberAvailability.TenantHours);

    /// <summary>The assignments made since the last call, for the caller's unit of work.</summary>
    public IReadOnlyList<LeadAssignment> TakeAssignments()
    {
        var made = _made.ToList();
        _made.Clear();
        return made;
    }

    internal void Record(LeadAssignment assignment)
    {
        _made.Add(assignment);
        if (assignment.PreviousOwnerId is { } previous && assignment.Kind == AssignmentKind.Reassigned)
        {
            load.TookBack(previous);
        }

        if (assignment is { TeamId: { } team, UserId: { } user })
        {
            load.Gave(team, user);
        }
    }
}

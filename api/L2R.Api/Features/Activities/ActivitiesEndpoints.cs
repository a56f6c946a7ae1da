using L2R.Api.Features.Activities.RecordActivities;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Web;
using L2R.Domain.Leads;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace L2R.Api.Features.Activities;

public static class ActivitiesEndpoints
{
    public static void MapActivities(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/activities", RecordActivities).WithTags("Activities").RequireAuthorization().RequireScope(ApiScopes.ActivitiesWrite)
            .WithName("RecordActivities").Idempotent()
            .WithRequestExample(new
            {
                items = new object[]
                {
                    new { email = "vera@globex.example", type = ActivityType.FormSubmission, title = "Pricing request", newLead = new { firstName = "Vera", company = "Globex" } },
                    new { leadId = Guid.Parse("b065e1aa-0cfc-4ad3-bf19-813b03ea363a"), type = ActivityType.Webinar },
                },
            })
            .WithSummary("Record 1 to 1,000 activities by lead id or email (optionally creating a new lead from newLead); a result per item, then the mover advances every lead touched.");
    }

    private static async Task<Ok<RecordActivitiesResultDto>> RecordActivities(RecordActivitiesCommand command, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(command, ct));
}

using FluentValidation;
using L2R.Api.Features.Imports.ListImportTemplates;
using L2R.Api.Infrastructure.Auth;
using L2R.Api.Infrastructure.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace L2R.Api.Features.Imports.SaveImportTemplate;

public sealed record SaveImportTemplateRequest(ImportKind Kind, IReadOnlyList<ColumnMapping> Mapping, DuplicatePolicy DuplicatePolicy);

public sealed record SaveImportTemplateCommand(string Name, SaveImportTemplateRequest Template) : ICommand<ImportTemplateDto>;

public sealed class SaveImportTemplateValidator : AbstractValidator<SaveImportTemplateCommand>
{
    public SaveImportTemplateValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Template).NotNull();
        RuleFor(c => c.Template.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(c => c.Template.DuplicatePolicy).IsInEnum().OverridePropertyName("duplicatePolicy");
        RuleFor(c => c.Template.Mapping).NotEmpty().OverridePropertyName("mapping");
        RuleForEach(c => c.Template.Mapping).Must(m => !string.IsNullOrWhiteSpace(m.Column) && m.Column.Length <= 200)
            .OverridePropertyName("mapping").WithMessage("Each mapping names a column of at most 200 characters.");
    }
}

/// <summary>Creates or replaces the tenant's template of that name and kind; the mapping is checked against its own columns.</summary>
public sealed class SaveImportTemplateHandler(L2RDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SaveImportTemplateCommand, ImportTemplateDto>
{
    public async ValueTask<ImportTemplateDto> Handle(SaveImportTemplateCommand command, CancellationToken ct)
    {
        var (name, request) = (command.Name.Trim(), command.Template);
        ImportMappings.Check(request.Kind, request.Mapping.Select(m => m.Column).ToList(), request.Mapping);
        var template = await db.ImportTemplates.FirstOrDefaultAsync(t => t.Kind == request.Kind && t.Name == name, ct);
        if (template is null)
        {
            template = new ImportTemplate { Name = name, Kind = request.Kind };
            db.ImportTemplates.Add(template);
        }

        template.Mapping = [.. request.Mapping];
        template.DuplicatePolicy = request.DuplicatePolicy;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        template.UpdatedBy = user.UserId;
        await db.SaveChangesAsync(ct);
        return new ImportTemplateDto(template.Name, template.Kind, template.Mapping, template.DuplicatePolicy, template.UpdatedAt);
    }
}

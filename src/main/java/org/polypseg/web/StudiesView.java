package org.polypseg.web;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;
import org.polypseg.study.Study;
import org.polypseg.study.StudyService;
import org.polypseg.study.StudySettings;

/**
 * Annotation studies: the ones I am in (as owner or annotator) and a form to create one. When the
 * study database is away the page says why, and the rest of the app is untouched.
 */
@PermitAll
@Route(value = "studies", layout = MainLayout.class)
@PageTitle("Studies · polypseg")
public class StudiesView extends Div {

  private final StudyService studies;
  private final StudyProblem problem = new StudyProblem();
  private final String user;
  private final TextField title = new TextField("Title");
  private final Checkbox fromModel = new Checkbox("Annotators start from the model's mask");
  private final Checkbox blind = new Checkbox("Blind: annotators do not see each other's masks",
      true);
  private final NativeTable list =
      StudyPages.table("study-list", "Study", "Owner", "My role", "Annotators", "Frames");

  public StudiesView(StudyService studies) {
    this.studies = studies;
    this.user = StudyPages.user();
    addClassName("studies-view");
    add(new H2("Annotation studies"));
    add(new Paragraph("Several experts annotate the same frames; their consensus (STAPLE) and "
        + "agreement show where they differ, and the study exports as a data folder that train "
        + "and evaluate read. Only frames whose burned-in text has been blanked enter a study."));
    add(problem);
    if (!studies.available()) {
      Paragraph away = new Paragraph(studies.unavailableReason());
      away.setId("studies-unavailable");
      away.addClassName("study-warning");
      add(away);
      return;
    }
    if (user == null) {
      Paragraph login = new Paragraph("Annotation studies need a signed-in user: turn login on "
          + "(polypseg.security.enabled=true with polypseg.security.users), then sign in.");
      login.setId("studies-need-login");
      login.addClassName("study-warning");
      add(login);
      return;
    }

    title.setId("study-title");
    title.setPlaceholder("e.g. Flat polyps, Kvasir sample");
    title.setWidth("24rem");
    fromModel.setId("study-from-model");
    blind.setId("study-blind");
    Button create = new Button("Create study", e -> create());
    create.setId("study-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Div form = new Div(new H3("New study"), title, new Div(fromModel), new Div(blind), create);
    form.addClassName("study-form");
    add(new H3("My studies"), list, form);
    refresh();
  }

  Study create() {
    Study study = problem.attempt(() -> studies.create(user, new StudySettings(
        title.getValue(), fromModel.getValue() ? StudySettings.StartFrom.MODEL
            : StudySettings.StartFrom.BLANK, blind.getValue())));
    if (study != null) {
      // By address, so that the browser's address (and a reload) is the new study's.
      getUI().ifPresent(ui -> ui.getPage().setLocation("studies/" + study.id()));
    }
    return study;
  }

  void refresh() {
    list.getBody().removeAllRows();
    List<Study> mine = problem.attempt(() -> studies.studies(user));
    if (mine == null) {
      return;
    }
    for (Study s : mine) {
      NativeTableRow row = list.getBody().addRow();
      row.addDataCell().add(StudyPages.link(s.settings().title(), "studies/" + s.id()));
      row.addDataCell().setText(s.owner());
      row.addDataCell().setText(s.myRoles().stream().map(r -> r.label())
          .collect(Collectors.joining(", ")));
      row.addDataCell().setText(Integer.toString(s.annotators().size()));
      row.addDataCell().setText(Integer.toString(s.frames()));
    }
    list.setVisible(!mine.isEmpty());
  }

  StudyProblem problem() {
    return problem;
  }

  NativeTable list() {
    return list;
  }

  TextField titleField() {
    return title;
  }

  Checkbox fromModel() {
    return fromModel;
  }
}

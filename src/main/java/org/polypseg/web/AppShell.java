package org.polypseg.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-wide settings: server push (results of background segmentation reach the page as soon as
 * they are ready), the Lumo theme and the project's style sheet.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("polypseg");
    settings.addMetaTag("description",
        "Polyp segmentation in colonoscopy images with a hybrid quantum-classical U-Net");
    settings.addFavIcon("icon", "icons/polypseg.svg", "any");
  }
}

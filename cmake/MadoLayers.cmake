# The layer graph, written once (see cmake/MadoLayering.cmake for what is checked). Lowest first;
# USES lists the layers a layer may use directly, and with them everything they may use.
# A layer for data-at-rest sealing would sit here as
#   mado_layer(crypto DIRS core/crypto TARGETS mado_crypto USES domain GUI_FREE)
# right after domain, with crypto added to the USES of store and receiver.
mado_layer(domain     DIRS core/domain     TARGETS mado_domain                         GUI_FREE)
mado_layer(image      DIRS core/image      TARGETS mado_image      USES domain         GUI_FREE)
mado_layer(face       DIRS core/face       TARGETS mado_face       USES image          GUI_FREE)
mado_layer(evaluation DIRS core/evaluation TARGETS mado_evaluation USES face           GUI_FREE)
mado_layer(bundle     DIRS core/bundle     TARGETS mado_bundle     USES image          GUI_FREE)
mado_layer(net        DIRS core/net        TARGETS mado_net        USES domain         GUI_FREE)
mado_layer(store      DIRS core/store      TARGETS mado_store      USES face           GUI_FREE)
mado_layer(security   DIRS core/security   TARGETS mado_security   USES store          GUI_FREE)
mado_layer(workflow   DIRS core/workflow   TARGETS mado_workflow   USES security       GUI_FREE)
mado_layer(issuance   DIRS core/issuance   TARGETS mado_issuance   USES workflow       GUI_FREE)
mado_layer(station    DIRS core/station    TARGETS mado_station    USES issuance bundle net GUI_FREE)
mado_layer(receiver   DIRS core/receiver   TARGETS mado_receiver   USES bundle net     GUI_FREE)
mado_layer(ui         DIRS ui              TARGETS mado_ui         USES station)
mado_layer(workstation DIRS app/workstation TARGETS madoguchi      USES ui)
mado_layer(cli        DIRS app/cli         TARGETS madoguchi-cli   USES station evaluation GUI_FREE)
mado_layer(receiverd  DIRS app/receiver    TARGETS madoguchi-receiver USES receiver    GUI_FREE)
